/** Looks for text in the raw bytes of files (to prove encryption and erasure). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under a folder, recursively. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The needles found in any of the files, as UTF-8 and as UTF-16LE. */
export function findInFiles(files: string[], needles: string[]): string[] {
  const found = new Set<string>();
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const needle of needles) {
      if (bytes.includes(Buffer.from(needle, 'utf8')) || bytes.includes(Buffer.from(needle, 'utf16le'))) {
        found.add(needle);
      }
    }
  }
  return [...found];
}
