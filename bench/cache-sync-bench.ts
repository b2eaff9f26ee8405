/** Initial sync throughput for `npm run bench:cache`: fill a fresh cache from a local server, by change-log pull and by bootstrap. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BootstrapResponseSchema, PullResponseSchema } from '../domain/http/sync-schemas.ts';
import type { CaseCache } from '../main/cache/case-cache.ts';
import { startServer } from '../server/start-server.ts';
import { loadBenchWorld } from './bulk-world.ts';

/** One row of the printed table. */
export interface SyncBenchRow {
  cache: string;
  method: string;
  'rows applied': number;
  pages: number;
  'end-to-end rows/s': number;
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
async function fillByPull(cache: CaseCache, get: Fetcher, from = '0'): Promise<FillResult> {
  let cursor = from;
  const result: FillResult = { rows: 0, pages: 0, applyMs: 0 };
  for (;;) {
    const page = PullResponseSchema.parse(await get('/sync/pull', { limit: '1000', cursor }));
    const a0 = performance.now();
    await cache.applyPullPage(page);
    result.applyMs += performance.now() - a0;
    result.rows += page.changes.length + page.removals.length;
    result.pages += 1;
    cursor = page.cursor;
    if (!page.hasMore) {
      return result;
    }
  }
}

/** The bootstrap: pages staged in priority order, swapped in when complete, then the pull from its snapshot. */
async function fillByBootstrap(cache: CaseCache, get: Fetcher): Promise<FillResult> {
  const result: FillResult = { rows: 0, pages: 0, applyMs: 0 };
  let query: Record<string, string> = { limit: '500' };
  for (;;) {
    const page = BootstrapResponseSchema.parse(await get('/sync/bootstrap', query));
    const a0 = performance.now();
    await cache.bootstrap.stage(page);
    result.applyMs += performance.now() - a0;
    result.rows += page.changes.length;
    result.pages += 1;
    if (!page.next) {
      const s0 = performance.now();
      await cache.bootstrap.swapIn();
      result.applyMs += performance.now() - s0;
      const rest = await fillByPull(cache, get, page.snapshot);
      return { rows: result.rows + rest.rows, pages: result.pages + rest.pages, applyMs: result.applyMs + rest.applyMs };
    }
    query = { limit: '500', snapshot: page.snapshot, phase: page.next.phase, ...(page.next.after ? { after: page.next.after } : {}) };
  }
}

/**
 * Loads `cases` visible cases on an embedded-SQLite server, then fills an encrypted and a plain cache
 * both ways — change-log pull from 0 and bootstrap — side by side in one run.
 */
export async function benchInitialSync(
  cases: number, open: (dir: string, encrypted: boolean) => Promise<{ cache: CaseCache }>,
): Promise<SyncBenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cb-sync-bench-'));
  const server = await startServer(
    { database: { dialect: 'sqlite', file: join(dir, 'server.db') }, dataDir: dir, host: '127.0.0.1', port: 0,
      jwtSecret: 'bench-secret-that-is-long-enough-for-hs256', accessTokenSeconds: 900, refreshTokenDays: 14 },
    { logger: false },
  );
  try {
    const world = await loadBenchWorld(server.db, cases, cases);
    const token = (await server.ctx.tokens.signAccess(world.userId, new Date())).token;
    const get: Fetcher = async (path, query) => {
      const res = await fetch(`${server.url}${path}?${new URLSearchParams(query)}`, { headers: { authorization: `Bearer ${token}` } });
      return res.json();
    };
    const rows: SyncBenchRow[] = [];
    for (const encrypted of [true, false]) {
      for (const [method, fill] of [['pull from 0', fillByPull], ['bootstrap + swap', fillByBootstrap]] as const) {
        const sub = join(dir, `${encrypted ? 'enc' : 'plain'}-${method.replace(/\W+/g, '-')}`);
        mkdirSync(sub);
        const { cache } = await open(sub, encrypted);
        const t0 = performance.now();
        const result = await fill(cache, get);
        const totalMs = performance.now() - t0;
        if ((await cache.caseCount()) !== cases) {
          throw new Error(`${method} filled ${await cache.caseCount()} of ${cases} cases`);
        }
        await cache.close();
        rows.push({
          cache: encrypted ? 'encrypted' : 'plain', method, 'rows applied': result.rows, pages: result.pages,
          'end-to-end rows/s': Math.round(result.rows / (totalMs / 1000)), 'apply-only rows/s': Math.round(result.rows / (result.applyMs / 1000)),
          'fetch+parse share': `${Math.round(100 * (1 - result.applyMs / totalMs))} %`,
        });
      }
    }
    return rows;
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
