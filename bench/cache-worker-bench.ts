/**
 * `npx tsx bench/cache-worker-bench.ts`: on an encrypted cache of 100,000 cases, p50/p95 of a queue
 * page (filter + ORDER BY updated_at DESC, id LIMIT 100) as a raw prepared statement on the calling
 * thread, through Kysely on the calling thread, and through Kysely + the cache worker: built and
 * compiled on every call, compiled once with the same parameters, and compiled once per shape
 * (`compileOnce`) with its parameters put in on each call, as the app now runs the queue; plus the
 * empty worker round trip, and the first request after 5 ms idle. Then the queue page as the app reads
 * it (`queryQueue`: the page, its total, the case types and agencies a filter names, and the page's
 * markers; one worker round trip for the whole queue, two for a text filter) through the worker,
 * against the same statements replayed as raw prepared statements on the calling thread. All measured side by side in one run; ratios printed.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect, sql, type CompiledQuery } from 'kysely';
import { cacheMigrationProvider } from '../db/cache/migrations/index.ts';
import type { CacheDatabase } from '../db/cache/schema.ts';
import { openEncryptedDb } from '../main/cache-worker/open-encrypted-db.ts';
import { openCache } from '../main/cache-worker/open-cache.ts';
import { compileOnce } from '../db/compile-once.ts';
import { queryQueue, type QueueQuery } from '../main/cache/queue-query.ts';
import { quantile } from './quantile.ts';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const ROUNDS = 5;
const PER_ROUND = Number(process.env.BENCH_ITERATIONS ?? 400);
const STATUSES = ['open', 'open', 'open', 'closed'];
const RISKS = ['low', 'medium', 'high', 'very_high'];

const dir = mkdtempSync(join(tmpdir(), 'cache-worker-bench-'));
const file = join(dir, 'cache.db');
const keyHex = randomBytes(32).toString('hex');

async function main(): Promise<void> {
  // Schema through the app path (migrations on the write handle), then bulk rows through a raw handle.
  const setup = await openCache({ file, keyHex });
  const migrated = await new Migrator({ db: setup.write, provider: cacheMigrationProvider }).migrateToLatest();
  if (migrated.error !== undefined) {
    throw new Error('The cache schema could not be migrated.', { cause: migrated.error });
  }
  await setup.close();

  const raw = openEncryptedDb(file, keyHex);
  const loadStart = performance.now();
  bulkInsert(raw);
  // The queue's index: filter column first, then the sort keys in sort order.
  raw.exec('create index if not exists cases_queue_idx on cases (status, updated_at desc, id)');
  raw.exec('analyze');
  console.log(`loaded ${CASES} cases into the encrypted cache in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);

  const page = (db: Kysely<CacheDatabase>, status = 'open', limit = 100) =>
    db.selectFrom('cases').leftJoin('agencies', 'agencies.id', 'cases.owner_agency_id')
      .select(['cases.id', 'cases.reference', 'cases.title', 'cases.case_type', 'agencies.name as agency_name', 'cases.status', 'cases.risk_level', 'cases.updated_at'])
      .where('cases.status', '=', status).orderBy('cases.updated_at', 'desc').orderBy('cases.id').limit(limit);
  // The shape compiled once per handle; each call puts in its own values (fresh objects, as a caller's would be).
  const pageOnce = (db: Kysely<CacheDatabase>, values: { status: string; limit: number }) =>
    compileOnce(db, 'bench page', values, (d, v) => page(d, v.status, v.limit).compile());
  const mainKysely = new Kysely<CacheDatabase>({ dialect: new SqliteDialect({ database: raw }) });
  const compiled = page(mainKysely).compile();
  const plan = raw.prepare(`explain query plan ${compiled.sql}`).all(...compiled.parameters) as { detail: string }[];
  console.log(`plan: ${plan.map((p) => p.detail).join(' | ')}`);
  const rawPage = raw.prepare(compiled.sql);
  const cache = await openCache({ file, keyHex });

  const variants: { name: string; run: () => Promise<number> | number }[] = [
    { name: '(a) raw prepared statement, calling thread', run: () => rawPage.all(...compiled.parameters).length },
    { name: 'Kysely (SqliteDialect), calling thread', run: async () => (await page(mainKysely).execute()).length },
    { name: '(b) Kysely + worker, shape compiled once (compileOnce)', run: async () => (await cache.read.executeQuery(pageOnce(cache.read, { status: 'open', limit: 100 }))).rows.length },
    { name: 'Kysely + worker, built and compiled every call (before)', run: async () => (await page(cache.read).execute()).length },
    { name: 'compiled once: Kysely executeQuery + worker', run: async () => (await cache.read.executeQuery(compiled)).rows.length },
    { name: 'empty round trip: Kysely + worker, select 1', run: async () => (await sql`select 1`.execute(cache.read)).rows.length },
  ];
  const latencies = variants.map(() => [] as number[]);
  for (const v of variants) {
    for (let i = 0; i < 200; i += 1) {
      await v.run(); // warm-up: statement caches, page cache, JIT
    }
  }
  // Interleaved call by call, so a burst of load from elsewhere falls on every variant alike.
  for (let n = 0; n < ROUNDS * PER_ROUND; n += 1) {
    for (const [i, v] of variants.entries()) {
      const start = performance.now();
      const rows = await v.run();
      latencies[i]!.push(performance.now() - start);
      if (rows !== 100 && rows !== 1) {
        throw new Error(`${v.name} returned ${rows} rows`);
      }
    }
  }
  const p50 = latencies.map((l) => quantile(l, 0.5));
  console.table(variants.map((v, i) => ({
    variant: v.name, runs: latencies[i]!.length, 'p50 ms': p50[i]!.toFixed(3), 'p95 ms': quantile(latencies[i]!, 0.95).toFixed(3), 'p50 vs (a)': (p50[i]! / p50[0]!).toFixed(2),
  })));
  console.log(`ratio (b)/(a) at p50: ${(p50[2]! / p50[0]!).toFixed(2)} (target ≤ 1.5); built and compiled every call: ${(p50[3]! / p50[0]!).toFixed(2)}; `
    + `building and compiling the query: ${(p50[3]! - p50[4]!).toFixed(3)} ms; empty worker trip: ${p50[5]!.toFixed(3)} ms`);
  await afterIdle(rawPage, compiled.parameters, cache.read, pageOnce);
  await appQueuePages(raw, cache.read);
  await cache.close();
  await mainKysely.destroy();
}

/**
 * The first request after 5 ms of nothing, as a click after a pause finds things: the worker thread has
 * gone to sleep, and the calling thread's caches have cooled for the raw statement too.
 */
async function afterIdle(
  rawPage: { all: (...parameters: unknown[]) => unknown[] }, parameters: readonly unknown[], worker: Kysely<CacheDatabase>,
  pageOnce: (db: Kysely<CacheDatabase>, values: { status: string; limit: number }) => CompiledQuery<unknown>,
): Promise<void> {
  const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
  const [rawTimes, workerTimes] = [[] as number[], [] as number[]];
  for (let n = 0; n < PER_ROUND / 2; n += 1) {
    await pause();
    let start = performance.now();
    rawPage.all(...parameters);
    rawTimes.push(performance.now() - start);
    await pause();
    start = performance.now();
    await worker.executeQuery(pageOnce(worker, { status: 'open', limit: 100 }));
    workerTimes.push(performance.now() - start);
  }
  const [a, b] = [quantile(rawTimes, 0.5), quantile(workerTimes, 0.5)];
  console.log(`\nThe first request after 5 ms idle, p50: raw ${a.toFixed(3)} ms; (b) through the worker ${b.toFixed(3)} ms (${(b / a).toFixed(2)}×)`);
}

/** The app's own queue page, whole tab and a text filter, through the worker against its statements replayed raw. */
async function appQueuePages(raw: ReturnType<typeof openEncryptedDb>, worker: Kysely<CacheDatabase>): Promise<void> {
  const queries: { name: string; trips: number; query: QueueQuery }[] = [
    { name: 'whole queue, newest first', trips: 1, query: { filter: '', limit: 100, offset: 0 } },
    { name: 'text filter "case 12"', trips: 2, query: { filter: 'case 12', limit: 100, offset: 0 } },
  ];
  const rows = [];
  let captured: CompiledQuery[] = [];
  // Not destroyed: that would close `raw`, which main() still owns.
  const capturing = new Kysely<CacheDatabase>({
    dialect: new SqliteDialect({ database: raw }),
    log: (event) => {
      captured.push(event.query);
    },
  });
  for (const { name, trips, query } of queries) {
    captured = [];
    await queryQueue(capturing, query);
    const statements = captured.map((c) => ({ statement: raw.prepare(c.sql), parameters: c.parameters }));
    const replay = () => {
      for (const { statement, parameters } of statements) {
        statement.all(...parameters);
      }
    };
    const viaWorker = () => queryQueue(worker, query);
    for (let i = 0; i < 100; i += 1) {
      replay();
      await viaWorker();
    }
    const [rawTimes, workerTimes] = [[] as number[], [] as number[]];
    for (let round = 0; round < ROUNDS; round += 1) {
      for (let n = 0; n < PER_ROUND / 4; n += 1) {
        let start = performance.now();
        replay();
        rawTimes.push(performance.now() - start);
        start = performance.now();
        await viaWorker();
        workerTimes.push(performance.now() - start);
      }
    }
    const [a, b] = [quantile(rawTimes, 0.5), quantile(workerTimes, 0.5)];
    // The statements the app ran, in process (captured above), must be the ones the worker answers.
    if (JSON.stringify(await queryQueue(worker, query)) !== JSON.stringify(await queryQueue(capturing, query))) {
      throw new Error(`${name}: the worker's page differs from the in-process page`);
    }
    rows.push({ page: name, statements: statements.length, 'worker trips': trips, 'raw p50 ms': a.toFixed(3), 'queryQueue + worker p50 ms': b.toFixed(3), ratio: (b / a).toFixed(2) });
  }
  console.log('\nThe queue page as the app reads it (queryQueue through the worker, batched, ÷ its statements replayed raw, one after another; target ≤ 1.5):');
  console.table(rows);
}

function bulkInsert(raw: ReturnType<typeof openEncryptedDb>): void {
  const agency = raw.prepare('insert into agencies (id, name, kind, code) values (?, ?, ?, ?)');
  const insert = raw.prepare(`insert into cases (id, reference, title, case_type, status, closure_reason, risk_level, review_date, owner_agency_id,
    owner_team_id, owner_user_id, sharing_level, shared_agency_ids, created_at, updated_at, version) values (?, ?, ?, ?, ?, null, ?, null, ?, null, null, 'owner_agency', '[]', ?, ?, 1)`);
  const base = Date.UTC(2024, 0, 1);
  raw.transaction(() => {
    for (let a = 0; a < 8; a += 1) {
      agency.run(`agency_${a}`, `Synthetic Agency ${a}`, 'council', `AG${a}`);
    }
    for (let i = 0; i < CASES; i += 1) {
      // UUIDs, as the app's queue rows require; made from the index so a run is repeatable.
      const id = `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
      // Synthetic data only; updated_at spread over ~a year so the sort does real work.
      const updated = new Date(base + ((i * 7919) % CASES) * 315_000).toISOString();
      insert.run(id, `REF-${i}`, `Synthetic case ${i}`, 'asb', STATUSES[i % 4], RISKS[i % 4], `agency_${i % 8}`, updated, updated);
    }
  })();
}

try {
  await main();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
