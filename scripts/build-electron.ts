/** Bundles the Electron main process and the sandboxed preload into dist/electron (runs on import and from the CLI). */
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { MAIN_PROCESS_BUNDLE } from './electron-bundle-options.ts';

export { NATIVE_EXTERNALS } from './electron-bundle-options.ts';

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
      ...MAIN_PROCESS_BUNDLE,
      entryPoints: [join(root, 'electron', 'main.ts')],
      outfile: join(root, 'dist', 'electron', 'main.cjs'),
    }),
    build({
      ...common,
      ...MAIN_PROCESS_BUNDLE,
      // The encrypted cache's SQL runs in this worker, never on Electron's main thread.
      entryPoints: [join(root, 'main', 'cache-worker', 'worker.ts')],
      outfile: join(root, 'dist', 'electron', 'cache-worker.cjs'),
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
