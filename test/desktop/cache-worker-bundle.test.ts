/** The cache worker also starts from the esbuild bundle the Electron app ships (no tsx, no TypeScript). */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build, type BuildOptions } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_WORKER_FILE, cacheWorkerEntry } from '../../main/cache-worker/worker-entry-path.ts';

const root = join(import.meta.dirname, '..', '..');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cache-worker-bundle-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// The same options scripts/build-electron.ts uses for dist/electron/main.cjs.
const electronMain: BuildOptions = {
  bundle: true, format: 'cjs', platform: 'node', target: 'node22', logLevel: 'silent',
  external: ['electron', 'better-sqlite3-multiple-ciphers'],
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl' },
};

const probe = `
import { sql } from 'kysely';
import { openCache } from './main/cache-worker/open-cache.ts';
void (async () => {
  const [file, keyHex] = process.argv.slice(2);
  const cache = await openCache({ file, keyHex });
  const { rows } = await sql\`select casebridge_thread_id() as t\`.execute(cache.read);
  await cache.close();
  console.log(JSON.stringify(rows[0]));
})();
`;

describe('cache worker bundle', () => {
  it('resolves the bundled worker beside main.cjs, and the source through tsx in development', () => {
    expect(cacheWorkerEntry('file:///opt/app/dist/electron/main.cjs')).toEqual({ script: `/opt/app/dist/electron/${BUNDLED_WORKER_FILE}`, eval: false });
    expect(cacheWorkerEntry()).toMatchObject({ eval: true, script: expect.stringContaining('/main/cache-worker/worker.ts') as unknown });
  });

  it('opens the cache and runs SQL in the worker when both are esbuild bundles', async () => {
    const main = await build({ ...electronMain, stdin: { contents: probe, resolveDir: root, loader: 'ts' }, outfile: join(dir, 'main.cjs') });
    // No "import.meta is empty" warning: the development-only branch must not leak into the bundle's behaviour.
    expect(main.warnings).toEqual([]);
    await build({ ...electronMain, entryPoints: [join(root, 'main', 'cache-worker', 'worker.ts')], outfile: join(dir, BUNDLED_WORKER_FILE) });
    const { stdout } = await promisify(execFile)(process.execPath, [join(dir, 'main.cjs'), join(dir, 'cache.db'), randomBytes(32).toString('hex')], {
      env: { ...process.env, NODE_PATH: join(root, 'node_modules') },
    });
    expect(JSON.parse(stdout)).toEqual({ t: 1 });
  });
});
