/**
 * The built Electron main process (electron/main.ts bundled as for dist/electron) under plain Node,
 * with test/support/fake-electron.ts as `electron`: the machine policy's `secretStore` decides where
 * sign-in puts the cache key and refresh token, and a refusing safeStorage fails sign-in clearly.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAFE_STORAGE_FILE } from '../../electron/choose-secret-store.ts';
import { BUNDLED_WORKER_FILE } from '../../main/cache-worker/worker-entry-path.ts';
import { LAST_GOOD_POLICY_FILE } from '../../main/machine-policy/machine-policy.ts';
import { cacheLocation } from '../../main/session/cache-location.ts';
import { offlineIndexAccount } from '../../main/session/offline-index.ts';
import { MAIN_PROCESS_BUNDLE } from '../../scripts/electron-bundle-options.ts';
import { ANSWER_PREFIX, SHELL_PREFIX } from '../support/fake-electron.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { filesUnder } from '../support/raw-bytes.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const root = join(import.meta.dirname, '..', '..');

describe('the Electron main bundle chooses the secret store from the machine policy', () => {
  let server: TestServer;
  let dir: string;
  let officer: { id: string; username: string; password: string };

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    officer = await buildUser(server.db, { agencyId: await buildAgency(server.db), password: 'shell-pass-1' });
    dir = mkdtempSync(join(tmpdir(), 'cb-electron-main-'));
    const out = join(dir, 'dist', 'electron');
    await Promise.all([
      build({ ...MAIN_PROCESS_BUNDLE, logLevel: 'silent', entryPoints: [join(root, 'electron', 'main.ts')], outfile: join(out, 'main.cjs') }),
      build({ ...MAIN_PROCESS_BUNDLE, logLevel: 'silent', entryPoints: [join(root, 'main', 'cache-worker', 'worker.ts')], outfile: join(out, BUNDLED_WORKER_FILE) }),
      // Found by main.cjs's require('electron') before NODE_PATH's real package (whose binary may be missing).
      build({ ...MAIN_PROCESS_BUNDLE, logLevel: 'silent', entryPoints: [join(root, 'test', 'support', 'fake-electron.ts')], outfile: join(dir, 'node_modules', 'electron', 'index.js') }),
    ]);
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts main.cjs in a fresh data folder with `policy` as the machine policy and signs in, with no OS keychain reachable. */
  async function signInThroughShell(name: string, policy: object | null, safeStorageBackend: string) {
    const dataDir = join(dir, name, 'data');
    const policyFile = join(dir, name, 'policy.json');
    mkdirSync(join(dir, name, 'user-data'), { recursive: true });
    if (policy) {
      writeFileSync(policyFile, JSON.stringify(policy));
    }
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(dir, 'dist', 'electron', 'main.cjs')], {
      cwd: root,
      env: {
        ...process.env,
        // A session bus that does not exist: the Secret Service (the OS keychain here) cannot be reached.
        DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dir, 'no-session-bus')}`,
        NODE_PATH: join(root, 'node_modules'),
        CASEBRIDGE_SERVER_URL: server.url,
        CASEBRIDGE_DESKTOP_DATA_DIR: dataDir,
        CASEBRIDGE_POLICY_FILE: policyFile,
        FAKE_ELECTRON_USER_DATA: join(dir, name, 'user-data'),
        FAKE_ELECTRON_SAFE_STORAGE: safeStorageBackend,
        FAKE_ELECTRON_CALL: JSON.stringify({ channel: 'session.signIn', input: officer }),
      },
    });
    const line = stdout.split('\n').find((l) => l.startsWith(ANSWER_PREFIX));
    expect(line, stderr).toBeDefined();
    const secretsFile = join(dataDir, SAFE_STORAGE_FILE);
    return { answer: JSON.parse(line!.slice(ANSWER_PREFIX.length)) as unknown, stderr, dataDir, secretsFile };
  }

  it('with no policy, signs in through the OS keychain (here unreachable) and never writes a safeStorage file', async () => {
    const run = await signInThroughShell('default', null, 'gnome_libsecret');
    expect(run.answer).toMatchObject({ ok: false, error: { code: 'keychain_unavailable', message: expect.stringMatching(/^The operating system keychain is not available/) as unknown } });
    expect(existsSync(run.secretsFile)).toBe(false);
    expect(filesUnder(run.dataDir).map((f) => f.slice(run.dataDir.length + 1))).toEqual([LAST_GOOD_POLICY_FILE]);
  });

  it('with secretStore safeStorage, keeps the cache key, refresh token and offline index entry encrypted in the safeStorage file', async () => {
    const run = await signInThroughShell('safe', { secretStore: 'safeStorage' }, 'gnome_libsecret');
    expect(run.answer).toMatchObject({ ok: true, value: { username: officer.username } });
    const blobs = JSON.parse(readFileSync(run.secretsFile, 'utf8')) as Record<string, string>;
    const location = cacheLocation(run.dataDir, server.url, officer.id);
    // The cache key, the refresh token, and the username's entry that lets this user sign in offline later.
    expect(Object.keys(blobs).sort()).toEqual([location.keyAccount, location.refreshTokenAccount, offlineIndexAccount(server.url, officer.username)].sort());
    // The raw 256-bit key would show as 64 hex characters anywhere in clear.
    expect(filesUnder(run.dataDir).filter((f) => /[0-9a-f]{64}/.test(readFileSync(f, 'latin1')))).toEqual([]);
  });

  it("with secretStore safeStorage on Linux's basic_text, sign-in fails with keychain_unavailable and no secret is written anywhere", async () => {
    const run = await signInThroughShell('basic-text', { secretStore: 'safeStorage' }, 'basic_text');
    expect(run.answer).toEqual({
      ok: false,
      error: { code: 'keychain_unavailable', message: 'No desktop keyring (GNOME Keyring or KWallet) is running, so secrets cannot be protected.' },
    });
    expect(run.stderr).toMatch(/secret store \(safeStorage\): No desktop keyring/);
    expect(filesUnder(run.dataDir).map((f) => f.slice(run.dataDir.length + 1))).toEqual([LAST_GOOD_POLICY_FILE]);
  });

  /** Starts main.cjs with `env` added and returns what the shell did (window, menu, error boxes) and its exit code. */
  async function startShell(name: string, env: Record<string, string>) {
    mkdirSync(join(dir, name, 'user-data'), { recursive: true });
    const run = await promisify(execFile)(process.execPath, [join(dir, 'dist', 'electron', 'main.cjs')], {
      cwd: root,
      env: {
        ...process.env,
        DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dir, 'no-session-bus')}`,
        NODE_PATH: join(root, 'node_modules'),
        CASEBRIDGE_SERVER_URL: server.url,
        CASEBRIDGE_DESKTOP_DATA_DIR: join(dir, name, 'data'),
        CASEBRIDGE_POLICY_FILE: join(dir, name, 'no-policy.json'),
        FAKE_ELECTRON_USER_DATA: join(dir, name, 'user-data'),
        FAKE_ELECTRON_CALL: JSON.stringify({ channel: 'session.state', input: null }),
        ...env,
      },
    }).then((r) => ({ ...r, code: 0 }), (error: { stdout: string; stderr: string; code: number }) => error);
    const shell = run.stdout.split('\n').filter((l) => l.startsWith(SHELL_PREFIX)).map((l) => JSON.parse(l.slice(SHELL_PREFIX.length)) as Record<string, unknown>);
    return { shell, code: run.code, stderr: run.stderr };
  }

  it('an installed app refuses a plain http server, even on this computer, and says so in an error box', async () => {
    const run = await startShell('packaged-http', { FAKE_ELECTRON_PACKAGED: '1' });
    expect(run.code).toBe(1);
    expect(run.shell).toEqual([{ errorBox: { title: 'Casebridge could not start', content: expect.stringMatching(/only over https/) as unknown } }]);
  });

  it('opens the window without DevTools and removes the default menu unless development asks for them', async () => {
    const run = await startShell('no-devtools', {});
    expect(run.shell, run.stderr).toEqual([{ applicationMenu: null }, { window: { devTools: false } }]);
    const dev = await startShell('devtools', { CASEBRIDGE_DEVTOOLS: '1' });
    expect(dev.shell, dev.stderr).toEqual([{ window: { devTools: true } }]);
  });
});
