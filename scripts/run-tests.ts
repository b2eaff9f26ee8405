/**
 * `npm test`: every check in order — typecheck, lint, layer rules, unit and integration tests
 * (SQLite and PostgreSQL), end-to-end tests in Chromium.
 *
 * On Linux without a session bus it re-runs itself inside `dbus-run-session` with a throwaway,
 * unlocked gnome-keyring, so the keychain tests use a real Secret Service.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/test';

if (process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS && !process.env.CASEBRIDGE_IN_DBUS) {
  if (has('dbus-run-session') && has('gnome-keyring-daemon')) {
    const keyringHome = mkdtempSync(join(tmpdir(), 'cb-keyring-'));
    const script = 'printf %s "$CB_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"';
    const child = spawnSync('dbus-run-session', ['--', 'sh', '-c', script, 'sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, CASEBRIDGE_IN_DBUS: '1', XDG_DATA_HOME: keyringHome, CB_KEYRING_PASSWORD: randomBytes(12).toString('hex') },
    });
    process.exit(child.status ?? 1);
  }
  console.warn('[test] No session bus and no dbus-run-session/gnome-keyring-daemon: keychain tests will fail. See README, "Testing".');
}

process.env.TEST_DATABASE_URL ??= (await reachable(DEFAULT_PG)) ? DEFAULT_PG : undefined;
if (process.env.TEST_DATABASE_URL) {
  console.log('[test] server suites run on SQLite and on PostgreSQL');
} else if (process.env.CI) {
  console.error(`[test] CI needs PostgreSQL: set TEST_DATABASE_URL or start PostgreSQL at ${DEFAULT_PG}`);
  process.exit(1);
} else {
  console.warn('[test] PostgreSQL not reachable: server suites run on SQLite only');
}

const steps: Array<[string, string[]]> = [
  ['typecheck', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint', ['eslint', '--max-warnings', '0', '.']],
  ['layers', ['depcruise', '--config', '.dependency-cruiser.cjs', 'domain', 'db', 'server', 'main', 'electron', 'renderer', 'scripts', 'test']],
  ['unit and integration', ['vitest', 'run']],
  ['build renderer', ['vite', 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn']],
  ['end-to-end', ['playwright', 'test', '--config', 'test/e2e/playwright.config.ts']],
];
for (const [name, command] of steps) {
  console.log(`\n[test] ${name}: ${command.join(' ')}`);
  const started = Date.now();
  const result = spawnSync('npx', ['--no-install', ...command], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`[test] ${name} failed`);
    process.exit(result.status ?? 1);
  }
  console.log(`[test] ${name} passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
