/**
 * `npm run bench:server`: on SQLite and on PostgreSQL, throughput and p50/p99 of an authorized
 * case-list page and of a sync pull for a user who sees 10,000 of 100,000 cases, each measured
 * side by side with a trivial authenticated endpoint (GET /me) on the same server in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../server/config.ts';
import { startServer } from '../server/start-server.ts';
import { loadBenchWorld } from './bulk-world.ts';
import { quantile, runBatch } from './load-driver.ts';

const TOTAL = Number(process.env.BENCH_CASES ?? 100_000);
const VISIBLE = Number(process.env.BENCH_VISIBLE ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONCURRENCY = 8;
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const ENDPOINTS = [
  { name: 'GET /me (trivial, authenticated)', path: '/me', batch: 400 },
  { name: 'GET /cases?limit=100 (authorized page)', path: '/cases?limit=100', batch: 100 },
  { name: 'GET /sync/pull?limit=500 (first page)', path: '/sync/pull?limit=500', batch: 40 },
] as const;

async function benchDialect(label: string, database: DatabaseConfig, dataDir: string): Promise<void> {
  const server = await startServer(
    { database, dataDir, host: '127.0.0.1', port: 0, jwtSecret: 'bench-secret-that-is-long-enough-for-hs256', totpKey: '5a'.repeat(32), accessTokenSeconds: 900, refreshTokenDays: 14 },
    { logger: false },
  );
  try {
    const loadStart = performance.now();
    const world = await loadBenchWorld(server.db, TOTAL, VISIBLE);
    console.log(`\n${label}: loaded ${TOTAL} cases (${VISIBLE} visible to the user) in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);
    const token = (await server.ctx.tokens.signAccess(world.userId, new Date())).token;
    const headers = { authorization: `Bearer ${token}` };
    for (const e of ENDPOINTS) {
      await runBatch(server.url + e.path, headers, Math.ceil(e.batch / 4), CONCURRENCY); // warm-up
    }
    const results = ENDPOINTS.map(() => ({ latencies: [] as number[], elapsed: 0, count: 0 }));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [i, e] of ENDPOINTS.entries()) {
        const batch = await runBatch(server.url + e.path, headers, e.batch, CONCURRENCY);
        results[i]!.latencies.push(...batch.latenciesMs);
        results[i]!.elapsed += batch.elapsedMs;
        results[i]!.count += e.batch;
      }
    }
    const base = results[0]!;
    const baseRps = base.count / (base.elapsed / 1000);
    const baseP50 = quantile(base.latencies, 0.5);
    console.table(ENDPOINTS.map((e, i) => {
      const r = results[i]!;
      const rps = r.count / (r.elapsed / 1000);
      const p50 = quantile(r.latencies, 0.5);
      return {
        endpoint: e.name, requests: r.count, 'req/s': Math.round(rps), 'p50 ms': p50.toFixed(2), 'p99 ms': quantile(r.latencies, 0.99).toFixed(2),
        'throughput vs /me': (rps / baseRps).toFixed(3), 'p50 vs /me': (p50 / baseP50).toFixed(2),
      };
    }));
  } finally {
    await server.close();
  }
}

const sqliteDir = mkdtempSync(join(tmpdir(), 'cb-bench-'));
try {
  await benchDialect('SQLite (embedded)', { dialect: 'sqlite', file: join(sqliteDir, 'bench.db') }, sqliteDir);
} finally {
  rmSync(sqliteDir, { recursive: true, force: true });
}

const admin = new pg.Client({ connectionString: PG_URL });
const dbName = `cb_bench_${process.pid}`;
try {
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(PG_URL);
  url.pathname = `/${dbName}`;
  const pgDir = mkdtempSync(join(tmpdir(), 'cb-bench-pg-'));
  await benchDialect('PostgreSQL', { dialect: 'postgres', url: url.toString() }, pgDir);
  rmSync(pgDir, { recursive: true, force: true });
} catch (error) {
  console.error(`PostgreSQL part skipped or failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
  await admin.end();
}
