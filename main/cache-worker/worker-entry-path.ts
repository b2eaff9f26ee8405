/** Finds the cache worker's entry: the TypeScript source in development, a sibling bundle in the Electron build. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The file name scripts/build-electron.ts gives the bundled worker, next to dist/electron/main.cjs. */
export const BUNDLED_WORKER_FILE = 'cache-worker.cjs';

/** What `new Worker(script, { eval })` needs. */
export interface CacheWorkerEntry {
  script: string;
  eval: boolean;
}

/**
 * The worker script. Running from source (tsx, vitest) this module's URL ends in `.ts`: the worker
 * is a tiny script that registers tsx in the thread and then imports the TypeScript source (Node 20
 * does not apply `--import tsx` from a Worker's execArgv to its entry file). In the esbuild bundle
 * `import.meta.url` is main.cjs's URL, so the worker is the bundle beside it.
 */
export function cacheWorkerEntry(moduleUrl: string = import.meta.url): CacheWorkerEntry {
  if (!/\.[cm]?ts$/.test(new URL(moduleUrl).pathname)) {
    return { script: fileURLToPath(new URL(`./${BUNDLED_WORKER_FILE}`, moduleUrl)), eval: false };
  }
  const source = new URL('./worker.ts', moduleUrl).href;
  const tsx = JSON.stringify(tsxEsmApiUrl(moduleUrl));
  return { script: `import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, eval: true };
}

// tsx's ESM API from its exports map. Resolved here, not in the eval'd script (whose bare imports
// resolve against the cwd), and without import.meta.resolve, which a CommonJS bundle cannot hold.
function tsxEsmApiUrl(moduleUrl: string): string {
  const packageFile = createRequire(moduleUrl).resolve('tsx/package.json');
  const manifest: unknown = JSON.parse(readFileSync(packageFile, 'utf8'));
  const target = lookup(manifest, ['exports', './esm/api', 'import', 'default']);
  if (typeof target !== 'string') {
    throw new Error('tsx does not export ./esm/api: the cache worker cannot run from TypeScript source.');
  }
  return pathToFileURL(join(dirname(packageFile), target)).href;
}

function lookup(value: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), value);
}
