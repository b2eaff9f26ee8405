/** Initial sync throughput for `npm run bench:cache`: pull every page from a local server into a fresh cache. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PullResponseSchema } from '../domain/http/sync-schemas.ts';
import type { CaseCache } from '../main/cache/case-cache.ts';
import { startServer } from '../server/start-server.ts';
import { loadBenchWorld } from './bulk-world.ts';

/** One row of the printed table. */
export interface SyncBenchRow {
  cache: string;
  'rows applied': number;
  pages: number;
  'end-to-end rows/s': number;
  'apply-only rows/s': number;
  'fetch+parse share': string;
}

/** Loads `cases` visible cases on an embedded-SQLite server, then pulls them (limit 1000) into an encrypted and a plain cache. */
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
    const rows: SyncBenchRow[] = [];
    for (const encrypted of [true, false]) {
      const sub = join(dir, encrypted ? 'enc' : 'plain');
      mkdirSync(sub);
      const { cache } = await open(sub, encrypted);
      let cursor: string | undefined;
      let applied = 0;
      let pages = 0;
      let applyMs = 0;
      const t0 = performance.now();
      for (;;) {
        const qs = new URLSearchParams({ limit: '1000', ...(cursor ? { cursor } : {}) });
        const res = await fetch(`${server.url}/sync/pull?${qs}`, { headers: { authorization: `Bearer ${token}` } });
        const page = PullResponseSchema.parse(await res.json());
        const a0 = performance.now();
        await cache.applyPullPage(page);
        applyMs += performance.now() - a0;
        applied += page.changes.length + page.removals.length;
        pages += 1;
        cursor = page.cursor;
        if (!page.hasMore) {
          break;
        }
      }
      const totalMs = performance.now() - t0;
      await cache.close();
      rows.push({
        cache: encrypted ? 'encrypted' : 'plain', 'rows applied': applied, pages, 'end-to-end rows/s': Math.round(applied / (totalMs / 1000)),
        'apply-only rows/s': Math.round(applied / (applyMs / 1000)), 'fetch+parse share': `${Math.round(100 * (1 - applyMs / totalMs))} %`,
      });
    }
    return rows;
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
