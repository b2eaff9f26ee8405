/**
 * `report.update` pushed, and `PATCH /reports/:id` with `expectedVersion`: the author's edit keeps
 * the replaced text as a version; an edit made from an older version is a conflict carrying the
 * server's text, and nothing is written; a partner, a missing version or an empty edit is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../domain/http/sync-schemas.ts';
import { newId } from '../../domain/ids.ts';
import { buildAgency, buildCase, buildTeam, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe.each(testDialects())('report.update pushed on %s', (dialect) => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  let caseId = '';
  let reportId = '';

  async function login(username: string, password: string): Promise<string> {
    const res = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username, password } });
    return res.json<{ accessToken: string }>().accessToken;
  }
  async function push(who: string, clientId: string, mutations: object[]) {
    const res = await server.app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${tokens[who]}` }, payload: { clientId, mutations } });
    return res.json<PushResponse>().results;
  }
  const report = () => server.db.selectFrom('reports').select(['title', 'body', 'version']).where('id', '=', reportId).executeTakeFirstOrThrow();
  const versions = () => server.db.selectFrom('report_versions').select(['version', 'body']).where('report_id', '=', reportId).orderBy('version').execute();

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const police = await buildAgency(server.db, { kind: 'police', name: 'Police' });
    const council = await buildAgency(server.db, { name: 'Council' });
    const team = await buildTeam(server.db, police, 'PPU');
    const pc = await buildUser(server.db, { agencyId: police, teamIds: [team] });
    const officer = await buildUser(server.db, { agencyId: council, teamIds: [await buildTeam(server.db, council, 'Housing')] });
    tokens.pc = await login(pc.username, pc.password);
    tokens.officer = await login(officer.username, officer.password);
    caseId = (await buildCase(server.db, { ownerAgencyId: police, ownerTeamId: team, sharingLevel: 'shared', sharedAgencyIds: [council] })).id;
    reportId = newId();
    const created = await push('pc', 'reports-0', [{ mutationId: 1, name: 'report.create', args: { reportId, caseId, kind: 'contact', title: 'Visit', body: 'First text.' } }]);
    expect(created).toEqual([{ mutationId: 1, status: 'applied' }]);
  });
  afterAll(() => server.stop());

  it("applies the author's edit from the current version, keeping the replaced text as a version", async () => {
    const results = await push('pc', 'reports-1', [{ mutationId: 1, name: 'report.update', args: { reportId, body: 'Second text.' }, baseVersion: 1 }]);
    expect(results).toEqual([{ mutationId: 1, status: 'applied' }]);
    expect(await report()).toEqual({ title: 'Visit', body: 'Second text.', version: 2 });
    expect(await versions()).toEqual([{ version: 1, body: 'First text.' }]);
  });

  it('answers an edit made from an older version with a conflict carrying the server text, and writes nothing', async () => {
    const changes = async () => Number((await server.db.selectFrom('change_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await changes();
    const results = await push('pc', 'reports-2', [{ mutationId: 1, name: 'report.update', args: { reportId, body: 'Edited from the first text.' }, baseVersion: 1 }]);
    expect(results).toEqual([{ mutationId: 1, status: 'conflict', serverVersion: 2, serverValue: { body: 'Second text.' } }]);
    expect(await report()).toEqual({ title: 'Visit', body: 'Second text.', version: 2 });
    expect(await versions()).toHaveLength(1);
    expect(await changes()).toBe(before);
  });

  it('refuses a partner who sees the report, an edit with no version, and an edit that says nothing, writing nothing', async () => {
    const results = await push('officer', 'reports-3', [{ mutationId: 1, name: 'report.update', args: { reportId, title: 'Mine now' }, baseVersion: 2 }]);
    expect(results.map((r) => [r.status, r.error?.code])).toEqual([['rejected', 'authorization_error']]);
    const own = await push('pc', 'reports-4', [
      { mutationId: 1, name: 'report.update', args: { reportId, title: 'No version' } },
      { mutationId: 2, name: 'report.update', args: { reportId }, baseVersion: 2 },
      { mutationId: 3, name: 'report.update', args: { reportId, body: '' }, baseVersion: 2 },
    ]);
    expect(own.map((r) => [r.status, r.error?.code])).toEqual([['rejected', 'validation_error'], ['rejected', 'validation_error'], ['rejected', 'validation_error']]);
    expect(await report()).toEqual({ title: 'Visit', body: 'Second text.', version: 2 });
  });

  it('PATCH /reports/:id with a stale expectedVersion answers 409 and changes nothing; with the current one it edits', async () => {
    const patch = (payload: object) => server.app.inject({ method: 'PATCH', url: `/reports/${reportId}`, headers: { authorization: `Bearer ${tokens.pc}` }, payload });
    const stale = await patch({ title: 'Home visit', expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'conflict' } });
    expect(await report()).toEqual({ title: 'Visit', body: 'Second text.', version: 2 });
    const current = await patch({ title: 'Home visit', expectedVersion: 2 });
    expect(current.statusCode).toBe(200);
    expect(await report()).toEqual({ title: 'Home visit', body: 'Second text.', version: 3 });
  });
});
