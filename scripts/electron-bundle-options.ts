/** esbuild options of the Electron main-process bundles, shared by scripts/build-electron.ts and the tests that run those bundles under Node. */
import type { BuildOptions } from 'esbuild';

/** Native addons and Electron itself stay outside the bundle; they load from node_modules at run time. */
export const NATIVE_EXTERNALS = ['electron', 'better-sqlite3-multiple-ciphers', '@napi-rs/keyring', '@node-rs/argon2', 'pg-native'];

/** dist/electron/main.cjs and cache-worker.cjs: CommonJS for the Node inside Electron 45, natives outside. */
export const MAIN_PROCESS_BUNDLE: BuildOptions = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  // Electron 45 runs Node 22 in the main process.
  target: 'node22',
  external: NATIVE_EXTERNALS,
  // Output is CommonJS: give any bundled `import.meta.url` a real value instead of undefined.
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl' },
};
