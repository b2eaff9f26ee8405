// How postinstall builds the Electron-ABI copy of the SQLite addon: with the node-gyp pinned in our own
// devDependencies (never an unpinned `npx --yes node-gyp`), against Electron's headers.
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The command, arguments and environment of the Electron build of a native addon. */
export function electronGypCommand(root, electronVersion, arch, env) {
  const gyp = createRequire(join(root, 'package.json')).resolve('node-gyp/bin/node-gyp.js');
  return {
    command: process.execPath,
    args: [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers', `--arch=${arch}`],
    // Node's own header folder (set by scripts/use-node-24.sh for the Node build) would give the wrong ABI here.
    env: Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(key))),
  };
}
