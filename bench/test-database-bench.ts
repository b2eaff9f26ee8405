/**
 * `npm run bench:test-databases`: what a server suite's set-up costs (database, server start on it, stop, drop)
 * from an empty database that the server migrates, side by side with a copy of the run's migrated template
 * (test/support/migrated-templates.ts). The two alternate in each round, so both see the same machine load.
 * Each set-up runs in a new process, as each vitest test file does (cold code, as a suite's `beforeAll` sees it).
 *
 * Environment: BENCH_ROUNDS (default 8; the median is shown) and TEST_DATABASE_URL to measure PostgreSQL too.
 */
import { spawnSync } from 'node:child_process';
import { startServer } from '../server/start-server.ts';
import { createMigratedTemplates } from '../test/support/migrated-templates.ts';
import { createTestDatabase, testDialects } from '../test/support/test-databases.ts';
import { quantile } from './quantile.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);

async function startAndStop(dialect: 'sqlite' | 'postgres', migrated: boolean): Promise<number> {
  const started = performance.now();
  const database = await createTestDatabase(dialect, { migrated });
  const server = await startServer({
    database: database.config, dataDir: database.dataDir, host: '127.0.0.1', port: 0,
    jwtSecret: 'bench-secret-that-is-long-enough-for-hs256-signing', totpKey: '5a'.repeat(32), accessTokenSeconds: 900, refreshTokenDays: 14,
  }, { logger: false });
  await server.close();
  await database.drop();
  return performance.now() - started;
}

/** One set-up in a new process; answers its milliseconds. */
function inNewProcess(dialect: 'sqlite' | 'postgres', migrated: boolean): number {
  const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, 'one', dialect, String(migrated)], { encoding: 'utf8' });
  const ms = Number(/set-up (\d+(?:\.\d+)?) ms/.exec(child.stdout)?.[1]);
  if (child.status !== 0 || Number.isNaN(ms)) {
    throw new Error(`set-up failed: ${child.stderr}`);
  }
  return ms;
}

if (process.argv[2] === 'one') {
  console.log(`set-up ${await startAndStop(process.argv[3] === 'postgres' ? 'postgres' : 'sqlite', process.argv[4] === 'true')} ms`);
} else {
  const madeAt = performance.now();
  const templates = await createMigratedTemplates();
  console.log(`templates made once per run in ${Math.round(performance.now() - madeAt)} ms`);
  try {
    for (const dialect of testDialects()) {
      const times = { empty: [] as number[], template: [] as number[] };
      for (let round = 0; round < ROUNDS; round += 1) {
        times.empty.push(inNewProcess(dialect, false));
        times.template.push(inNewProcess(dialect, true));
      }
      const empty = quantile(times.empty, 0.5);
      const template = quantile(times.template, 0.5);
      console.log(`${dialect}: median set-up ${Math.round(empty)} ms migrating an empty database, ${Math.round(template)} ms from the template (${(empty / template).toFixed(1)}x), ${ROUNDS} rounds`);
    }
  } finally {
    await templates.drop();
  }
}
