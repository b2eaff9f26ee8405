/** Finds Electron's binary on disk without requiring the package (which would try to download it). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The path of the Electron executable under node_modules, or null when it was never downloaded. */
export function findElectronBinary(projectRoot: string): string | null {
  const pkg = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) {
    return null;
  }
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}
