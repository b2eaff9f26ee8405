// Runs after `npm install`. Never fails the install: Electron's binary is optional here.
// When Electron's binary is present it also builds an Electron-ABI copy of the SQLite addon into
// node_modules/.casebridge-electron/ (read by main/native/sqlite-binding.ts), leaving the Node build untouched.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { electronGypCommand } from './electron-gyp-command.mjs';

const root = process.cwd();
const electronBinary = findElectronBinary();
console.log('[casebridge] dependencies installed. Electron binary present:', electronBinary !== null);
if (electronBinary !== null && !process.env.CASEBRIDGE_SKIP_ELECTRON_SQLITE) {
  try {
    buildElectronSqlite();
  } catch (error) {
    console.log(`[casebridge] could not build the Electron copy of the SQLite addon (${firstLine(error)}); the app will use the default build.`);
  }
}

// Same check as main/loopback/electron-binary.ts: look on disk, never require('electron') (it may try to download).
function findElectronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) {
    return null;
  }
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function buildElectronSqlite() {
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const sqliteDir = join(root, 'node_modules', 'better-sqlite3-multiple-ciphers');
  const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version;
  const outDir = join(root, 'node_modules', '.casebridge-electron');
  const outFile = join(outDir, 'better_sqlite3.node');
  const stampFile = join(outDir, 'built-for.json');
  const stamp = JSON.stringify({ electron: electronVersion, sqlite: sqliteVersion, platform: process.platform, arch: process.arch });
  if (existsSync(outFile) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    console.log(`[casebridge] Electron ${electronVersion} copy of the SQLite addon is up to date.`);
    return;
  }
  // A copy built for another Electron version would crash at load: remove it before trying.
  rmSync(outDir, { recursive: true, force: true });

  // Build in a temporary copy so the package's own build/ (the Node ABI build the tests use) is never touched.
  const work = mkdtempSync(join(tmpdir(), 'casebridge-electron-sqlite-'));
  try {
    const pkgCopy = join(work, 'better-sqlite3-multiple-ciphers');
    // Resolve and dereference links (npm link, pnpm): `node-gyp rebuild` cleans build/ of wherever it runs.
    const source = realpathSync(sqliteDir);
    const sourceBuild = join(source, 'build');
    cpSync(source, pkgCopy, { recursive: true, dereference: true, filter: (src) => src !== sourceBuild && !src.startsWith(sourceBuild + sep) });
    if (lstatSync(pkgCopy).isSymbolicLink() || !realpathSync(pkgCopy).startsWith(realpathSync(work) + sep)) {
      throw new Error('the temporary copy of the addon is not a real folder');
    }
    const gyp = electronGypCommand(root, electronVersion, process.arch, process.env);
    const result = spawnSync(gyp.command, gyp.args, { cwd: pkgCopy, stdio: 'ignore', timeout: 15 * 60_000, env: gyp.env });
    const built = join(pkgCopy, 'build', 'Release', 'better_sqlite3.node');
    if (result.status !== 0 || !existsSync(built)) {
      throw new Error(result.error ? result.error.message : `node-gyp exited with ${result.status ?? result.signal}`);
    }
    mkdirSync(outDir, { recursive: true });
    copyFileSync(built, outFile);
    writeFileSync(stampFile, stamp);
    console.log(`[casebridge] built the Electron ${electronVersion} copy of the SQLite addon.`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function firstLine(error) {
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}
