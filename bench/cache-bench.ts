/**
 * `npm run bench:cache` (not a test): p50/p95 of a queue page, an FTS name search and a case text
 * search over 100,000 cases, 300,000 subjects, 200,000 reports and 150,000 persons, in an encrypted
 * cache and in a plain one side by side (ratio encrypted / plain), and the queue's text filter by the
 * old LIKE scan with its full count next to `queryQueue` (the trigram index from three characters, the
 * index of short pieces for one or two, the count stopped past 1,000 matches; ratio before / after, same run, same cache); then initial sync throughput
 * (rows/s) pulling ~20,000 cases from a local server into fresh caches. Sizes: BENCH_CACHE_CASES etc.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { queryQueue } from '../main/cache/queue-query.ts';
import { givenName, loadCacheWorld, seeded, syntheticName } from './cache-bench-world.ts';
import { openBenchCache, type Opened } from './cache-bench-open.ts';
import { benchInitialSync, printInitialSync } from './cache-sync-bench.ts';
import { quantile } from './quantile.ts';
import { queueByLikeScan } from './queue-like-scan.ts';

const CASES = Number(process.env.BENCH_CACHE_CASES ?? 100_000);
const PERSONS = Number(process.env.BENCH_CACHE_PERSONS ?? 150_000);
const SYNC_CASES = Number(process.env.BENCH_SYNC_CASES ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 300);

async function time(inputs: string[], run: (input: string) => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (const input of inputs.slice(0, 20)) {
    await run(input); // warm-up
  }
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = performance.now();
    await run(inputs[i % inputs.length]!);
    ms.push(performance.now() - t0);
  }
  return { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95) };
}

// Deterministic inputs: queue filters people type, name prefixes (3–6 letters, sometimes with a first name), case words.
const rand = seeded(7);
const QUEUE_FILTERS = ['', 'noise', 'thorn', 'bench agency 3', 'domestic abuse', 'BN-2026-01', 'zzz-no-match'];
const NAME_INPUTS = Array.from({ length: 100 }, (_, i) => {
  const family = syntheticName(rand).slice(0, 3 + (i % 4));
  return i % 3 === 0 ? `${givenName(rand).slice(0, 3)} ${family}` : family;
});
const CASE_INPUTS = ['noise thorn', 'cuckooing', 'BN-2026-01234', 'graffiti mar', 'refused letter', 'hoarding fire'];
// Text filters (3+ characters) that match only in the reference or title, mid-word included: few matches
// (a reference fragment, a street name) and many (a word of a common title, ~1 case in 8 or more).
const TEXT_FILTERS_FEW = ['000123', '2026-0999', 'wickleyford', 'ornwickha', 'zzz-no-match', 'ashbrookton'];
const TEXT_FILTERS_MANY = ['noise', 'ckooi', 'thorn', 'lane', 'ly-tip', 'tenancy breach'];
// One or two characters (no trigram) that match much: the scan counts every match, queryQueue stops past 1,000.
const TEXT_FILTERS_SHORT = ['a', 'no', 'ly', 'e'];
// One or two characters that match few cases or none: the scan reads every case; queryQueue asks the index of short pieces.
const TEXT_FILTERS_SHORT_FEW = ['z', 'yf', 'j', 'q9'];
const textPage = (filter: string) => ({ filter, limit: 100, offset: 0 });

type Query = { name: string; run: (o: Opened) => Promise<{ p50: number; p95: number }> };
const QUERIES: Query[] = [
  { name: 'queue page (filter + sort + limit 100, with total)', run: ({ cache }) => time(QUEUE_FILTERS, (filter) => cache.queue({ filter, limit: 100, offset: 0 })) },
  { name: 'queue page, no filter', run: ({ cache }) => time([''], (filter) => cache.queue({ filter, limit: 100, offset: 0 })) },
  { name: 'queue text filter, few matches: LIKE scan (before)', run: ({ db }) => time(TEXT_FILTERS_FEW, (f) => queueByLikeScan(db, textPage(f))) },
  { name: 'queue text filter, few matches: queryQueue (after)', run: ({ db }) => time(TEXT_FILTERS_FEW, (f) => queryQueue(db, textPage(f))) },
  { name: 'queue text filter, many matches: LIKE scan (before)', run: ({ db }) => time(TEXT_FILTERS_MANY, (f) => queueByLikeScan(db, textPage(f))) },
  { name: 'queue text filter, many matches: queryQueue (after)', run: ({ db }) => time(TEXT_FILTERS_MANY, (f) => queryQueue(db, textPage(f))) },
  { name: 'queue text filter, 1-2 characters: LIKE scan (before)', run: ({ db }) => time(TEXT_FILTERS_SHORT, (f) => queueByLikeScan(db, textPage(f))) },
  { name: 'queue text filter, 1-2 characters: queryQueue (after)', run: ({ db }) => time(TEXT_FILTERS_SHORT, (f) => queryQueue(db, textPage(f))) },
  { name: 'queue text filter, 1-2 characters, few or none: LIKE scan (before)', run: ({ db }) => time(TEXT_FILTERS_SHORT_FEW, (f) => queueByLikeScan(db, textPage(f))) },
  { name: 'queue text filter, 1-2 characters, few or none: queryQueue (after)', run: ({ db }) => time(TEXT_FILTERS_SHORT_FEW, (f) => queryQueue(db, textPage(f))) },
  { name: 'FTS person name search (prefix, top 50)', run: ({ cache }) => time(NAME_INPUTS, (text) => cache.searchPersons(text, 50)) },
  { name: 'FTS case text search (prefix, top 50)', run: ({ cache }) => time(CASE_INPUTS, (text) => cache.searchCases(text, 50)) },
];

const dir = mkdtempSync(join(tmpdir(), 'cb-cache-bench-'));
try {
  const size = { cases: CASES, subjectsPerCase: 3, reportsPerCase: 2, persons: PERSONS };
  console.log(`Cache world: ${CASES} cases, ${CASES * 3} subjects, ${CASES * 2} reports, ${PERSONS} persons; ${RUNS} runs per query.`);
  const results = new Map<string, Array<{ p50: number; p95: number }>>();
  const load: string[] = [];
  for (const encrypted of [true, false]) {
    const opened = await openBenchCache(dir, encrypted);
    const { cache, sqlite } = opened;
    const t0 = performance.now();
    const rows = loadCacheWorld(sqlite, size);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const seconds = (performance.now() - t0) / 1000;
    load.push(`${encrypted ? 'encrypted' : 'plain'}: bulk-loaded ${rows} rows (+ FTS) in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds)} rows/s`);
    for (const q of QUERIES) {
      results.set(q.name, [...(results.get(q.name) ?? []), await q.run(opened)]);
    }
    await cache.close();
  }
  console.log(load.join('\n'));
  console.table(QUERIES.map((q) => {
    const [enc, plain] = results.get(q.name)!;
    return {
      query: q.name, 'encrypted p50 ms': enc!.p50.toFixed(3), 'encrypted p95 ms': enc!.p95.toFixed(3),
      'plain p50 ms': plain!.p50.toFixed(3), 'plain p95 ms': plain!.p95.toFixed(3), 'p50 enc/plain': (enc!.p50 / plain!.p50).toFixed(2),
      'p95 enc/plain': (enc!.p95 / plain!.p95).toFixed(2),
    };
  }));
  // Before and after side by side, same run, same encrypted cache: the gain of the text indexes and the count cap.
  console.table(['few matches', 'many matches', '1-2 characters', '1-2 characters, few or none'].map((kind) => {
    const [before] = results.get(`queue text filter, ${kind}: LIKE scan (before)`)!;
    const [after] = results.get(`queue text filter, ${kind}: queryQueue (after)`)!;
    return {
      'encrypted queue text filter': kind, 'LIKE scan p50 ms': before!.p50.toFixed(3), 'LIKE scan p95 ms': before!.p95.toFixed(3),
      'queryQueue p50 ms': after!.p50.toFixed(3), 'queryQueue p95 ms': after!.p95.toFixed(3), 'p50 before/after': (before!.p50 / after!.p50).toFixed(1),
      'p95 before/after': (before!.p95 / after!.p95).toFixed(1),
    };
  }));
  printInitialSync(await benchInitialSync(SYNC_CASES, (sub, encrypted) => openBenchCache(sub, encrypted)));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// "Worker + Kysely vs raw prepared statement" lives in its own file (another part of issue 4); run it when present.
const workerBench = new URL('./cache-worker-bench.ts', import.meta.url);
if (existsSync(workerBench)) {
  await import(workerBench.href);
} else {
  console.log('\nbench/cache-worker-bench.ts not present: the worker + Kysely / raw prepared statement ratio is not measured in this run.');
}
