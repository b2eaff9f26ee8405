/**
 * The server's data folder holds secrets (the JWT and TOTP keys), the database and document
 * content: only the account that runs the server may read it. Folders are 0700, files 0600.
 */
import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Mode of every folder the server creates under its data dir. */
export const PRIVATE_DIR_MODE = 0o700;
/** Mode of every file the server creates under its data dir. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates the data dir if needed and tightens anything under it that is wider than private, so
 * an install from before this rule (or a copy made with a loose umask) is fixed at start-up
 * rather than refused: the server owns these files, and narrowing them breaks nobody.
 * Symbolic links are left alone (chmod would follow them out of the folder).
 */
export function secureDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tighten(dataDir);
}

/** Creates a folder (and missing parents) private to the server's account. */
export function makePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Creates an empty file with mode 0600 if it does not exist (SQLite's WAL and SHM copy its mode). */
export function touchPrivateFile(path: string): void {
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
}

function tighten(path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) {
    return;
  }
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== PRIVATE_DIR_MODE) {
      chmodSync(path, PRIVATE_DIR_MODE);
    }
    for (const name of readdirSync(path)) {
      tighten(join(path, name));
    }
  } else if ((stat.mode & 0o777) !== PRIVATE_FILE_MODE) {
    chmodSync(path, PRIVATE_FILE_MODE);
  }
}
