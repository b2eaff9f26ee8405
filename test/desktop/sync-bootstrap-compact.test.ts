/**
 * Compact bootstrap pages through the desktop's real API client and cache: they fill the cache as
 * object pages do, and a malformed one (a row of the wrong length, a column the entity does not
 * declare, a value of the wrong type) is a typed error that stages nothing of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompactBootstrapResponse } from '../../domain/http/bootstrap-compact.ts';
import { bootstrapCache, type FetchBootstrapPage } from '../../main/sync/bootstrap-cache.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { buildCouncilWorld, startSyncDesktop, type SyncDesktop } from './sync-harness.ts';

type Corruption = (page: CompactBootstrapResponse) => void;

describe('compact bootstrap pages on the desktop', () => {
  let server: TestServer;
  let officer: { username: string; password: string };
  let visible: Set<string>;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    ({ officer, visible } = await buildCouncilWorld(server, 12, 1));
  });
  afterAll(() => server.stop());

  /** The real API, compact pages of 4 anchors; the first case page fetched is corrupted when asked. */
  function fetcher(desktop: SyncDesktop, token: string, corrupt: Corruption | null): FetchBootstrapPage {
    return async (position) => {
      const answer = await desktop.api.call('syncBootstrap', {
        query: position === null ? { limit: 4, format: 'compact' }
          : { snapshot: position.snapshot, phase: position.phase, ...(position.after ? { after: position.after } : {}), limit: 4, format: 'compact' },
        accessToken: token,
      });
      expect('format' in answer && answer.format).toBe('compact');
      if (corrupt && 'format' in answer && answer.tables.some((t) => t.entity === 'case')) {
        corrupt(answer);
      }
      return answer;
    };
  }
  const caseTable = (page: CompactBootstrapResponse) => page.tables.find((t) => t.entity === 'case')!;
  const corruptions: Array<[string, Corruption]> = [
    ['a row one value short', (page) => void caseTable(page).rows.at(-1)!.pop()],
    ['a row one value long', (page) => void caseTable(page).rows[0]!.push('extra')],
    ['a column the case does not declare', (page) => {
      const table = caseTable(page);
      table.columns.push('internalNote');
      table.rows.forEach((row) => row.push('not for the desktop'));
    }],
    ['a column named twice', (page) => {
      const table = caseTable(page);
      table.columns[1] = table.columns[0]!;
    }],
    ['a value of the wrong type', (page) => {
      const table = caseTable(page);
      table.rows.at(-1)![table.columns.indexOf('version')] = 'seven';
    }],
    ['a missing column', (page) => {
      const table = caseTable(page);
      const at = table.columns.indexOf('title');
      table.columns.splice(at, 1);
      table.rows.forEach((row) => row.splice(at, 1));
    }],
  ];

  it('stages nothing of a malformed page (a validation error each time), then fills the cache from compact pages', async () => {
    const desktop = await startSyncDesktop(server, officer);
    try {
      const token = (await desktop.api.call('login', { body: officer })).accessToken;
      const cache = desktop.session.require().cache;
      const staged = async () => (await desktop.db().selectFrom('bootstrap_staged').select(['entity', 'id', 'data']).orderBy('rid').execute());
      let before: Awaited<ReturnType<typeof staged>> | null = null;
      let progress: Awaited<ReturnType<typeof cache.bootstrap.progress>> = null;
      for (const [label, corruption] of corruptions) {
        await expect(bootstrapCache(cache, fetcher(desktop, token, corruption)), label).rejects.toMatchObject({ code: 'validation_error' });
        // The pages before the first case page (agencies, no tasks of mine) were staged by the first attempt; no case ever is.
        const now = await staged();
        expect(now.length, label).toBeGreaterThan(0);
        expect(now.filter((r) => [...visible].some((id) => r.data.includes(id))), label).toEqual([]);
        if (before !== null) {
          expect(now, label).toEqual(before);
          expect(await cache.bootstrap.progress(), label).toEqual(progress);
        }
        before = now;
        progress = await cache.bootstrap.progress();
        expect(progress?.next, label).toEqual({ phase: 'open_cases', after: null });
        expect(await desktop.db().selectFrom('cases').select('id').execute(), label).toEqual([]);
        expect(await cache.cursor(), label).toBeNull();
      }
      const outcome = await bootstrapCache(cache, fetcher(desktop, token, null));
      expect(outcome.records).toBeGreaterThan(visible.size);
      expect(new Set((await desktop.db().selectFrom('cases').select('id').execute()).map((r) => r.id))).toEqual(visible);
      expect(await staged()).toEqual([]);
    } finally {
      await desktop.close();
    }
  });
});
