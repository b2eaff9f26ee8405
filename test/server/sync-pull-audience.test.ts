/**
 * The pull decides which changed cases a user may see with the visibility filter (`caseVisibleSql`,
 * proven equal to the pure policy), never with the case list's audience rows: a stale audience row
 * may hide a case from the list until it is refreshed, but a pull that skipped a visible case's
 * change would move the desktop's cursor past it for good. So a corrupt audience row changes nothing
 * a pull delivers. The page's cases are picked by the span of the change log it scanned, so only
 * `case` changes in that span bring a case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../domain/http/sync-schemas.ts';
import { recordChange } from '../../server/changes/record-change.ts';
import { buildAgency, buildCase, buildTeam, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe.each(testDialects())('sync pull and the case audience rows on %s', (dialect) => {
  let server: TestServer;
  let token = '';
  let police = '';
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const db = server.db;
    police = await buildAgency(db, { name: 'Police', kind: 'police', code: 'POL' });
    const council = await buildAgency(db, { name: 'Council', code: 'COU' });
    const ppu = await buildTeam(db, police, 'Public Protection');
    const pc = await buildUser(db, { agencyId: police, teamIds: [ppu] });
    ids.policeOwn = (await buildCase(db, { ownerAgencyId: police, title: 'Police own case' })).id;
    ids.teamOnly = (await buildCase(db, { ownerAgencyId: police, sharingLevel: 'owner_team', ownerTeamId: ppu })).id;
    ids.councilOwn = (await buildCase(db, { ownerAgencyId: council })).id;
    ids.sharedToCouncil = (await buildCase(db, { ownerAgencyId: council, sharingLevel: 'shared', sharedAgencyIds: [police] })).id;
    for (let i = 0; i < 5; i += 1) {
      await buildCase(db, { ownerAgencyId: council });
    }
    const res = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: pc.username, password: pc.password } });
    token = res.json<{ accessToken: string }>().accessToken;
  });
  afterAll(() => server.stop());

  async function pullFrom(cursor: string | undefined, limit: number): Promise<{ changes: PullResponse['changes']; cursor: string }> {
    const changes: PullResponse['changes'] = [];
    for (;;) {
      const qs = new URLSearchParams({ limit: String(limit), ...(cursor === undefined ? {} : { cursor }) });
      const res = await server.app.inject({ method: 'GET', url: `/sync/pull?${qs}`, headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode).toBe(200);
      const page = res.json<PullResponse>();
      changes.push(...page.changes);
      cursor = page.cursor;
      if (!page.hasMore) {
        return { changes, cursor };
      }
    }
  }
  const caseIdsOf = (changes: PullResponse['changes']) => changes.filter((c) => c.entity === 'case').map((c) => c.data.id);

  it('delivers every visible case and no other, whatever the audience rows say', async () => {
    const before = caseIdsOf((await pullFrom(undefined, 3)).changes);
    expect(new Set(before)).toEqual(new Set([ids.policeOwn, ids.teamOnly, ids.sharedToCouncil]));
    // Stale both ways: the visible cases lose their rows, and an unshared council case gains one admitting the police.
    await server.db.deleteFrom('case_audience').where('case_id', 'in', [ids.policeOwn!, ids.teamOnly!, ids.sharedToCouncil!]).execute();
    await server.db.insertInto('case_audience').values({ principal: `a:${police}`, case_id: ids.councilOwn!, updated_at: '2026-01-01T00:00:00.000Z' }).execute();
    const after = caseIdsOf((await pullFrom(undefined, 3)).changes);
    expect(after).toEqual(before);
  });

  it('delivers a visible case changed after the cursor even when it has no audience row', async () => {
    const { cursor } = await pullFrom(undefined, 500);
    const opened = await buildCase(server.db, { ownerAgencyId: police, title: 'Opened after the cursor' });
    await server.db.deleteFrom('case_audience').where('case_id', '=', opened.id).execute();
    expect(caseIdsOf((await pullFrom(cursor, 500)).changes)).toEqual([opened.id]);
  });

  it('brings a case only for a change logged as that case, not for another record that bears its id', async () => {
    const { cursor } = await pullFrom(undefined, 500);
    // A change of some other entity whose id happens to be a visible case's id: the case did not change.
    await server.db.transaction().execute((trx) => recordChange(trx, { entity: 'report', entityId: ids.policeOwn!, op: 'upsert', at: new Date().toISOString() }));
    const page = await pullFrom(cursor, 500);
    expect(caseIdsOf(page.changes)).toEqual([]);
    expect(Number(page.cursor)).toBeGreaterThan(Number(cursor));
  });
});
