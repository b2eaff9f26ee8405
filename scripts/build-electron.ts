/** Bundles the Electron main process and the sandboxed preload into dist/electron (runs on import and from the CLI). */
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';

/** Native addons and Electron itself stay outside the bundle; they load from node_modules at run time. */
export const NATIVE_EXTERNALS = ['electron', 'better-sqlite3-multiple-ciphers', '@napi-rs/keyring', '@node-rs/argon2', 'pg-native'];

/** Builds dist/electron/main.cjs and dist/electron/preload.cjs under `root`. */
export async function buildElectron(root: string = join(import.meta.dirname, '..')): Promise<void> {
  const common: BuildOptions = {
    bundle: true,
    format: 'cjs',
    sourcemap: 'linked',
    logLevel: 'warning',
    legalComments: 'none',
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: [join(root, 'electron', 'main.ts')],
      outfile: join(root, 'dist', 'electron', 'main.cjs'),
      platform: 'node',
      // Electron 45 runs Node 22 in the main process.
      target: 'node22',
      external: NATIVE_EXTERNALS,
      // Output is CommonJS: give any bundled `import.meta.url` a real value instead of undefined.
      banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
      define: { 'import.meta.url': '__importMetaUrl' },
    }),
    build({
      ...common,
      // The encrypted cache's SQL runs in this worker, never on Electron's main thread.
      entryPoints: [join(root, 'main', 'cache-worker', 'worker.ts')],
      outfile: join(root, 'dist', 'electron', 'cache-worker.cjs'),
      platform: 'node',
      target: 'node22',
      external: NATIVE_EXTERNALS,
      banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
      define: { 'import.meta.url': '__importMetaUrl' },
    }),
    build({
      ...common,
      entryPoints: [join(root, 'electron', 'preload.ts')],
      outfile: join(root, 'dist', 'electron', 'preload.cjs'),
      // A sandboxed preload may require only `electron` (and a few polyfilled modules): everything else is bundled.
      platform: 'browser',
      // Electron 45 is Chromium 140.
      target: 'chrome140',
      external: ['electron'],
      minify: true,
    }),
  ]);
}

await buildElectron();
