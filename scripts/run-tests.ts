/**
 * `npm test`: every check — typecheck, lint, layer rules and the renderer build side by side, then unit and
 * integration tests (SQLite and PostgreSQL), then end-to-end tests in Chromium.
 *
 * On Linux without a session bus it re-runs itself inside `dbus-run-session` with a throwaway,
 * unlocked gnome-keyring, so the keychain tests use a real Secret Service.
 */
import { spawn, spawnSync } from 'node:child_process';
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

type Step = [name: string, command: string[]];

// The static checks and the renderer build are independent and mostly single-threaded, so they run side
// by side (output kept apart and printed per step); the test runners then have the machine to themselves.
const checks: Step[] = [
  ['typecheck', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint', ['eslint', '--max-warnings', '0', '.']],
  ['layers', ['depcruise', '--config', '.dependency-cruiser.cjs', 'domain', 'db', 'server', 'main', 'electron', 'renderer', 'scripts', 'test']],
  ['build renderer', ['vite', 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn']],
];
const suites: Step[] = [
  ['unit and integration', ['vitest', 'run']],
  ['end-to-end', ['playwright', 'test', '--config', 'test/e2e/playwright.config.ts']],
];

const checkResults = await Promise.all(checks.map(runCaptured));
for (const [[name, command], result] of checks.map((step, i) => [step, checkResults[i]!] as const)) {
  console.log(`\n[test] ${name}: ${command.join(' ')}`);
  process.stdout.write(result.output);
  if (result.status !== 0) {
    console.error(`[test] ${name} failed`);
  } else {
    console.log(`[test] ${name} passed in ${result.seconds.toFixed(1)} s`);
  }
}
const failedCheck = checkResults.find((r) => r.status !== 0);
if (failedCheck) {
  process.exit(failedCheck.status || 1);
}

for (const [name, command] of suites) {
  console.log(`\n[test] ${name}: ${command.join(' ')}`);
  const started = Date.now();
  const result = spawnSync('npx', ['--no-install', ...command], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`[test] ${name} failed`);
    process.exit(result.status ?? 1);
  }
  console.log(`[test] ${name} passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Runs a step with its output collected (stdout and stderr interleaved as they came). */
function runCaptured([, command]: Step): Promise<{ status: number; output: string; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npx', ['--no-install', ...command], { env: { ...process.env, FORCE_COLOR: '0' } });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) => chunks.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code) => resolve({ status: code ?? 1, output: Buffer.concat(chunks).toString('utf8'), seconds: (Date.now() - started) / 1000 }));
  });
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
