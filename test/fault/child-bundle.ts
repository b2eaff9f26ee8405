/**
 * Bundles core-child.ts and the cache worker with esbuild, so a child starts in a fraction of
 * tsx's time (tsx compiles the whole core on each of the suite's hundreds of launches).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { BUNDLED_WORKER_FILE } from '../../main/cache-worker/worker-entry-path.ts';

const ROOT = join(import.meta.dirname, '..', '..');
/** Native addons stay outside and load from node_modules (the bundle sits under it, so they resolve). */
const EXTERNAL = ['better-sqlite3-multiple-ciphers', '@napi-rs/keyring', '@node-rs/argon2', 'pg-native', 'electron'];

/** Builds the child and, beside it, the worker that the bundled cacheWorkerEntry looks for; returns the child's path. */
export async function bundleCoreChild(): Promise<string> {
  const outDir = join(ROOT, 'node_modules', '.cache', 'fault-child');
  mkdirSync(outDir, { recursive: true });
  const common: BuildOptions = {
    bundle: true, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'warning', external: EXTERNAL,
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__importMetaUrl', 'import.meta.dirname': '__dirname' },
  };
  const child = join(outDir, 'core-child.cjs');
  await Promise.all([
    build({ ...common, entryPoints: [join(ROOT, 'test', 'fault', 'core-child.ts')], outfile: child }),
    build({ ...common, entryPoints: [join(ROOT, 'main', 'cache-worker', 'worker.ts')], outfile: join(outDir, BUNDLED_WORKER_FILE) }),
  ]);
  return child;
}
