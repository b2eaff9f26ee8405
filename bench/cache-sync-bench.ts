/** Initial sync throughput for `npm run bench:cache`: fill a fresh cache from a local server, by change-log pull and by bootstrap. */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { BootstrapAnswerSchema } from '../domain/http/bootstrap-compact.ts';
import { PullResponseSchema, type BootstrapResponse, type SyncChange } from '../domain/http/sync-schemas.ts';
import type { BootstrapStore } from '../main/cache/bootstrap-staging.ts';
import { createCaseCache, type CaseCache } from '../main/cache/case-cache.ts';
import { openCache } from '../main/cache-worker/open-cache.ts';
import { bootstrapCache } from '../main/sync/bootstrap-cache.ts';
import { startServer } from '../server/start-server.ts';
import { loadBenchWorld } from './bulk-world.ts';
import { bulkLoadRaw } from './raw-bulk-load.ts';
import { startChild } from './server-bench/processes.ts';

/** One row of the printed table. */
export interface SyncBenchRow {
  cache: string;
  method: string;
  'rows applied': number;
  pages: number;
  'end-to-end rows/s': number;
  'rows per CPU s': number;
  'apply-only rows/s': number;
  'fetch+parse share': string;
}

type Fetcher = (path: string, query: Record<string, string>) => Promise<unknown>;

/** What one fill of a fresh cache did. */
interface FillResult {
  rows: number;
  pages: number;
  applyMs: number;
}

/** The change-log pull from cursor 0, each page applied with its cursor. */
async function fillByPull(cache: CaseCache, get: Fetcher, from: string, seen: SyncChange[]): Promise<FillResult> {
  let cursor = from;
  const result: FillResult = { rows: 0, pages: 0, applyMs: 0 };
  for (;;) {
    const page = PullResponseSchema.parse(await get('/sync/pull', { limit: '1000', cursor }));
    const a0 = performance.now();
    await cache.applyPullPage(page);
    result.applyMs += performance.now() - a0;
    result.rows += page.changes.length + page.removals.length;
    seen.push(...page.changes);
    result.pages += 1;
    cursor = page.cursor;
    if (!page.hasMore) {
      return result;
    }
  }
}

/**
 * The bootstrap as the app runs it (bootstrapCache: pages staged, swapped in when complete), then the
 * pull from its snapshot. Apply time is the time spent staging and swapping; `seen` collects every
 * record. Not `pipelined`, each fetch waits until the page before it is staged (the behaviour before
 * pipelining), for comparison in the same run. `compact` asks for compact pages (decoded and checked
 * by bootstrapCache, as in the app).
 */
async function fillByBootstrap(cache: CaseCache, get: Fetcher, limit: number, pipelined: boolean, compact: boolean, seen: SyncChange[]): Promise<FillResult> {
  let applyMs = 0;
  let staged = 0;
  let rows = 0;
  let wake: Array<() => void> = [];
  const timed = <A extends unknown[], R>(run: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    const a0 = performance.now();
    try {
      return await run(...args);
    } finally {
      applyMs += performance.now() - a0;
    }
  };
  const stage = timed((page: BootstrapResponse) => cache.bootstrap.stage(page));
  const store: BootstrapStore = {
    ...cache.bootstrap,
    stage: async (page) => {
      await stage(page);
      rows += page.changes.length;
      seen.push(...page.changes);
      staged += 1;
      const waiting = wake;
      wake = [];
      waiting.forEach((w) => w());
    },
    swapIn: timed(() => cache.bootstrap.swapIn()),
  };
  const stagedAtLeast = (n: number) => new Promise<void>((resolve) => {
    const check = () => (staged >= n ? resolve() : void wake.push(check));
    check();
  });
  let fetches = 0;
  const outcome = await bootstrapCache({ bootstrap: store }, async (position) => {
    fetches += 1;
    if (!pipelined) {
      await stagedAtLeast(fetches - 1);
    }
    const format = compact ? { format: 'compact' } : {};
    const query: Record<string, string> = position === null ? { limit: String(limit), ...format }
      : { limit: String(limit), snapshot: position.snapshot, phase: position.phase, ...(position.after === null ? {} : { after: position.after }), ...format };
    return BootstrapAnswerSchema.parse(await get('/sync/bootstrap', query));
  });
  const rest = await fillByPull(cache, get, outcome.snapshot, seen);
  return { rows: rows + rest.rows, pages: outcome.pages + rest.pages, applyMs: applyMs + rest.applyMs };
}

/** How to open a fresh cache (the app's way, encrypted or plain) with its raw connection for the bulk load. */
export type OpenBenchCache = (dir: string, encrypted: boolean) => Promise<{ cache: CaseCache; sqlite: Database.Database }>;

/** Anchors per bootstrap page to compare (the server allows 1–500); BENCH_BOOTSTRAP_LIMITS="100,500". */
const BOOTSTRAP_LIMITS = (process.env.BENCH_BOOTSTRAP_LIMITS ?? '100,500').split(',').map(Number);

/**
 * Loads `cases` visible cases on an embedded-SQLite server, then fills an encrypted and a plain cache
 * by change-log pull from 0 and by bootstrap (at each page size), and bulk-loads the same records raw
 * into a fresh cache — side by side in one run. The server runs in its own process, so "rows per CPU s"
 * counts the desktop side's work only (fetching, parsing, staging, swapping).
 */
export async function benchInitialSync(cases: number, open: OpenBenchCache): Promise<SyncBenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cb-sync-bench-'));
  const secret = 'bench-secret-that-is-long-enough-for-hs256';
  const config = { database: { dialect: 'sqlite' as const, file: join(dir, 'server.db') }, dataDir: dir, host: '127.0.0.1', port: 0,
    jwtSecret: secret, accessTokenSeconds: 3600, refreshTokenDays: 14 };
  const loader = await startServer(config, { logger: false });
  let token: string;
  try {
    const world = await loadBenchWorld(loader.db, cases, cases);
    token = (await loader.ctx.tokens.signAccess(world.userId, new Date())).token;
  } finally {
    await loader.close();
  }
  // The server answers from its own process, as a real one does from its own machine: while the
  // desktop stages a page, the server can already build the next.
  const server = await startChild('api-child.ts', [config.database.file, dir, secret]);
  try {
    // BENCH_SYNC_LATENCY_MS adds a network round trip to each request (the loopback has none).
    const latencyMs = Number(process.env.BENCH_SYNC_LATENCY_MS ?? 0);
    const get: Fetcher = async (path, query) => {
      if (latencyMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, latencyMs));
      }
      const res = await fetch(`${server.url}${path}?${new URLSearchParams(query)}`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) {
        throw new Error(`${path} answered ${res.status}`);
      }
      return res.json();
    };
    const methods: Array<readonly [string, (cache: CaseCache, seen: SyncChange[]) => Promise<FillResult>]> = [
      ['pull from 0', (cache, seen) => fillByPull(cache, get, '0', seen)],
      ...BOOTSTRAP_LIMITS.flatMap((limit) => ([[false, false], [true, false], [true, true]] as const).map(([pipelined, compact]) => [
        `bootstrap ${limit}/page${pipelined ? ', pipelined' : ', one at a time'}${compact ? ', compact' : ''}`,
        (cache: CaseCache, seen: SyncChange[]) => fillByBootstrap(cache, get, limit, pipelined, compact, seen),
      ] as const)),
    ];
    const rows: SyncBenchRow[] = [];
    let n = 0;
    const kinds = [['encrypted, worker (as the app)', openInWorker], ['encrypted', (sub: string) => open(sub, true)], ['plain', (sub: string) => open(sub, false)]] as const;
    for (const [kind, openKind] of kinds) {
      let same: SyncChange[] = [];
      for (const [method, fill] of methods) {
        const sub = join(dir, `cache-${(n += 1)}`);
        mkdirSync(sub);
        const { cache } = await openKind(sub);
        const seen: SyncChange[] = [];
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        const result = await fill(cache, seen);
        const totalMs = performance.now() - t0;
        const cpuMs = cpuMsSince(cpu0);
        if ((await cache.caseCount()) !== cases) {
          throw new Error(`${method} filled ${await cache.caseCount()} of ${cases} cases`);
        }
        await cache.close();
        same = seen;
        rows.push({
          cache: kind, method, 'rows applied': result.rows, pages: result.pages,
          'end-to-end rows/s': Math.round(result.rows / (totalMs / 1000)), 'rows per CPU s': Math.round(result.rows / (cpuMs / 1000)),
          'apply-only rows/s': Math.round(result.rows / (result.applyMs / 1000)),
          'fetch+parse share': `${Math.round(100 * (1 - result.applyMs / totalMs))} %`,
        });
      }
      if (kind.includes('worker')) {
        continue; // compared with the encrypted bulk load below
      }
      const encrypted = kind === 'encrypted';
      // The limit: the records the last fill received, bulk-loaded raw into a fresh cache of the same kind.
      const sub = join(dir, `bulk-${kind}`);
      mkdirSync(sub);
      const { cache, sqlite } = await open(sub, encrypted);
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const loaded = bulkLoadRaw(sqlite, same);
      const totalMs = performance.now() - t0;
      const cpuMs = cpuMsSince(cpu0);
      await cache.close();
      rows.push({
        cache: kind, method: 'bulk load, same rows (raw)', 'rows applied': loaded, pages: 1,
        'end-to-end rows/s': Math.round(loaded / (totalMs / 1000)), 'rows per CPU s': Math.round(loaded / (cpuMs / 1000)),
        'apply-only rows/s': Math.round(loaded / (totalMs / 1000)), 'fetch+parse share': '0 %',
      });
    }
    return rows;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A fresh encrypted cache the app's way: every statement in the cache worker thread. */
async function openInWorker(dir: string): Promise<{ cache: CaseCache }> {
  const keyHex = randomBytes(32).toString('hex');
  const handles = await openCache({ file: join(dir, 'worker.db'), keyHex });
  return { cache: await createCaseCache(handles, dir, keyHex) };
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Prints the table and, per cache kind, each way's end-to-end rate over the bulk load of the same rows. */
export function printInitialSync(sync: readonly SyncBenchRow[]): void {
  console.table(sync);
  for (const kind of [...new Set(sync.map((r) => r.cache))]) {
    const mine = sync.filter((r) => r.cache === kind);
    const bulk = sync.find((r) => r.method.startsWith('bulk load') && r.cache === (kind === 'plain' ? 'plain' : 'encrypted'))!;
    const ratios = mine.filter((r) => r !== bulk).map((r) => {
      const wall = (r['end-to-end rows/s'] / bulk['end-to-end rows/s']).toFixed(2);
      const cpu = (r['rows per CPU s'] / bulk['rows per CPU s']).toFixed(2);
      return `${r.method} ${wall}× (per CPU s ${cpu}×)`;
    });
    console.log(`${kind}, end-to-end rate / bulk load of the same rows, same run: ${ratios.join('; ')}`);
  }
}
