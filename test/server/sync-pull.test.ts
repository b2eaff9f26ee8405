import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../domain/http/sync-schemas.ts';
import { buildAgency, buildCase, buildTeam, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe.each(testDialects())('sync pull on %s', (dialect) => {
  let server: TestServer;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const db = server.db;
    const police = await buildAgency(db, { name: 'Police', kind: 'police', code: 'POL' });
    const council = await buildAgency(db, { name: 'Council', code: 'COU' });
    const housing = await buildAgency(db, { name: 'Housing', kind: 'housing', code: 'HOU' });
    const ppu = await buildTeam(db, police, 'Public Protection');
    const pc = await buildUser(db, { agencyId: police, teamIds: [ppu] });
    const officer = await buildUser(db, { agencyId: council });
    const auditor = await buildUser(db, { agencyId: council, role: 'data_officer' });
    ids.policeOwn = (await buildCase(db, { ownerAgencyId: police, title: 'Police own case' })).id;
    ids.sharedToCouncil = (await buildCase(db, { ownerAgencyId: police, sharingLevel: 'shared', sharedAgencyIds: [council] })).id;
    ids.sharedToHousing = (await buildCase(db, { ownerAgencyId: police, sharingLevel: 'shared', sharedAgencyIds: [housing] })).id;
    ids.councilOwn = (await buildCase(db, { ownerAgencyId: council })).id;
    ids.policeTeamOnly = (await buildCase(db, { ownerAgencyId: police, sharingLevel: 'owner_team', ownerTeamId: ppu })).id;
    for (let i = 0; i < 25; i += 1) {
      await buildCase(db, { ownerAgencyId: housing });
    }
    for (const [name, u] of Object.entries({ pc, officer, auditor })) {
      const res = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: u.username, password: u.password } });
      tokens[name] = res.json<{ accessToken: string }>().accessToken;
    }
  });
  afterAll(() => server.stop());

  async function pullAll(token: string, limit: number): Promise<{ caseIds: string[]; pages: number; cursor: string }> {
    const caseIds: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    for (;;) {
      const qs = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
      const res = await server.app.inject({ method: 'GET', url: `/sync/pull?${qs}`, headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode).toBe(200);
      const page = res.json<PullResponse>();
      pages += 1;
      caseIds.push(...page.changes.filter((c) => c.entity === 'case').map((c) => c.data.id));
      cursor = page.cursor;
      if (!page.hasMore) {
        return { caseIds, pages, cursor };
      }
    }
  }

  it('gives a council officer the council case and the police case shared with the council, nothing else', async () => {
    const { caseIds } = await pullAll(tokens.officer!, 500);
    expect(new Set(caseIds)).toEqual(new Set([ids.councilOwn, ids.sharedToCouncil]));
  });

  it('gives a police officer every police case their team may see, but not another agency unshared case', async () => {
    const { caseIds } = await pullAll(tokens.pc!, 500);
    expect(new Set(caseIds)).toEqual(new Set([ids.policeOwn, ids.sharedToCouncil, ids.sharedToHousing, ids.policeTeamOnly]));
    expect(caseIds).not.toContain(ids.councilOwn);
  });

  it('pages with a cursor and delivers each visible change exactly once', async () => {
    const small = await pullAll(tokens.pc!, 2);
    const whole = await pullAll(tokens.pc!, 500);
    expect(small.pages).toBeGreaterThan(2);
    expect(small.caseIds).toEqual(whole.caseIds);
    expect(new Set(small.caseIds).size).toBe(small.caseIds.length);
    expect(small.cursor).toBe(whole.cursor);
  });

  it('returns nothing new after the final cursor, and new cases after they are created', async () => {
    const { cursor } = await pullAll(tokens.officer!, 500);
    const again = await server.app.inject({ method: 'GET', url: `/sync/pull?cursor=${cursor}`, headers: { authorization: `Bearer ${tokens.officer}` } });
    expect(again.json<PullResponse>().changes).toEqual([]);
    const council = (await server.db.selectFrom('agencies').select('id').where('code', '=', 'COU').executeTakeFirstOrThrow()).id;
    const created = await buildCase(server.db, { ownerAgencyId: council, title: 'Newly opened case' });
    const next = await server.app.inject({ method: 'GET', url: `/sync/pull?cursor=${cursor}`, headers: { authorization: `Bearer ${tokens.officer}` } });
    expect(next.json<PullResponse>().changes.map((c) => c.data.id)).toEqual([created.id]);
  });

  it('gives a data officer no case content (audit duty, not reading)', async () => {
    const { caseIds } = await pullAll(tokens.auditor!, 500);
    expect(caseIds).toEqual([]);
  });

  it('answers 409 reset_required for a cursor the server never issued, and 400 for a malformed one', async () => {
    const future = await server.app.inject({ method: 'GET', url: '/sync/pull?cursor=999999999', headers: { authorization: `Bearer ${tokens.pc}` } });
    expect(future.statusCode).toBe(409);
    expect(future.json<{ error: { code: string } }>().error.code).toBe('reset_required');
    const bad = await server.app.inject({ method: 'GET', url: "/sync/pull?cursor=1'%20OR%201=1", headers: { authorization: `Bearer ${tokens.pc}` } });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses a pull without a token', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/sync/pull' });
    expect(res.statusCode).toBe(401);
  });
});
