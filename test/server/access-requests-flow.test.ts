import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../domain/http/sync-schemas.ts';
import { newId } from '../../domain/ids.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { caseVisibleSql } from '../../server/access/case-visibility.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { auditJustification } from '../support/audit-details.ts';
import { audienceMismatches } from '../property/case-audience-check.ts';

const DAY = 86_400_000;
const REASON = 'Working with the victim on housing; need the risk history.';

describe.each(testDialects())('access requests on %s', (dialect) => {
  let server: TestServer;
  let clock = Date.now();
  const tokens: Record<string, string> = {};
  const users: Record<string, PolicyUser> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => new Date(clock) });
    const db = server.db;
    const police = await buildAgency(db, { name: 'Police', kind: 'police', code: 'POL' });
    const council = await buildAgency(db, { name: 'Council', code: 'COU' });
    const made = {
      manager: await buildUser(db, { agencyId: police, role: 'team_manager' }),
      pc: await buildUser(db, { agencyId: police }),
      officer: await buildUser(db, { agencyId: council }),
      colleague: await buildUser(db, { agencyId: council }),
      councilAdmin: await buildUser(db, { agencyId: council, role: 'agency_admin' }),
      auditor: await buildUser(db, { agencyId: council, role: 'data_officer' }),
    };
    for (const [name, u] of Object.entries(made)) {
      const res = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: u.username, password: u.password } });
      tokens[name] = res.json<{ accessToken: string }>().accessToken;
      users[name] = { id: u.id, agencyId: name === 'manager' || name === 'pc' ? police : council, teamIds: [], role: name === 'manager' ? 'team_manager' : name === 'councilAdmin' ? 'agency_admin' : name === 'auditor' ? 'data_officer' : 'practitioner' };
    }
    ids.policeCase = (await buildCase(db, { ownerAgencyId: police, title: 'Secret police case title' })).id;
    ids.councilCase = (await buildCase(db, { ownerAgencyId: council })).id;
    ids.hiddenCase = (await buildCase(db, { ownerAgencyId: police })).id;
    await db.updateTable('cases').set({ hidden_from_search: 1 }).where('id', '=', ids.hiddenCase).execute();
    ids.person = newId();
    await db.insertInto('persons').values({
      id: ids.person, given_name: 'Synthetic', family_name: 'Person', date_of_birth: null, estimated_birth_year: 1990, gender: 'unknown',
      owner_agency_id: police, consent_status: 'not_sought', name_key: 'SNTTPRSN', merged_into_id: null, created_by: null,
      created_at: new Date(clock).toISOString(), updated_at: new Date(clock).toISOString(), version: 1,
    }).execute();
    ids.police = police;
  });
  afterAll(() => server.stop());

  const post = (token: string, url: string, payload: object) =>
    server.app.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${token}` } });
  const list = async (token: string) =>
    (await server.app.inject({ method: 'GET', url: '/access-requests', headers: { authorization: `Bearer ${token}` } }))
      .json<{ requests: Array<{ id: string; status: string; abilities: { decide: boolean; revoke: boolean } }> }>().requests;
  const sees = async (user: PolicyUser, caseId: string) => (await server.db.selectFrom('cases').select('id').where('id', '=', caseId)
    .where(caseVisibleSql(user, new Date(clock).toISOString(), 'cases')).executeTakeFirst()) !== undefined;
  // The case list finds a granted case through the requester's `g:` audience row, checked against the grant as it reads.
  const listed = async (token: string) => (await server.app.inject({ method: 'GET', url: '/cases?limit=100', headers: { authorization: `Bearer ${token}` } }))
    .json<{ cases: Array<{ id: string }> }>().cases.map((c) => c.id);
  const audienceAgrees = async () => expect(await audienceMismatches(server.db, Object.values(users), new Date(clock).toISOString())).toEqual([]);
  const request = (token: string, resourceId: string, resourceType = 'case') => post(token, '/access-requests', { resourceType, resourceId, reason: REASON });
  type Answer = { id: string; status: string; version: number; ownerAgencyId: string; grant: { id: string; expiresAt: string } | null };

  it('asks the owner agency for a case the requester cannot see, revealing nothing of the case', async () => {
    const res = await request(tokens.officer!, ids.policeCase!);
    expect(res.statusCode).toBe(200);
    const body = res.json<Answer>();
    expect(body).toMatchObject({ status: 'pending', ownerAgencyId: ids.police, grant: null, version: 1 });
    expect(res.body).not.toContain('Secret police case title');
    ids.request = body.id;
    const audit = await server.db.selectFrom('audit_events').select(['seq', 'action', 'justification']).where('entity_id', '=', ids.policeCase!).executeTakeFirstOrThrow();
    // The hashed event commits to the reason, kept apart so an erasure can remove it (docs/audit.md).
    expect(audit).toEqual({ seq: audit.seq, action: 'access.request', justification: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) as string });
    expect(await auditJustification(server.db, audit)).toBe(REASON);
  });

  it('refuses short reasons, records already visible, duplicates, hidden or unknown records, and non-reading roles', async () => {
    expect((await post(tokens.officer!, '/access-requests', { resourceType: 'case', resourceId: ids.policeCase, reason: 'need it' })).statusCode).toBe(400);
    expect((await request(tokens.officer!, ids.councilCase!)).statusCode).toBe(409);
    expect((await request(tokens.officer!, ids.policeCase!)).statusCode).toBe(409);
    const hidden = await request(tokens.officer!, ids.hiddenCase!);
    const unknown = await request(tokens.officer!, newId());
    expect([hidden.statusCode, unknown.statusCode]).toEqual([404, 404]);
    expect(hidden.json()).toEqual(unknown.json());
    expect((await request(tokens.auditor!, ids.policeCase!)).statusCode).toBe(403);
  });

  it('shows the request to the requester and the owner agency deciders only', async () => {
    expect((await list(tokens.officer!)).map((r) => [r.id, r.abilities.decide])).toEqual([[ids.request, false]]);
    expect((await list(tokens.manager!)).map((r) => [r.id, r.abilities.decide])).toEqual([[ids.request, true]]);
    expect(await list(tokens.pc!)).toEqual([]);
    expect(await list(tokens.councilAdmin!)).toEqual([]);
  });

  it('names the requester and both agencies (directory entries), never the record', async () => {
    const [request] = await list(tokens.manager!);
    const officer = await server.db.selectFrom('users').select('display_name').where('id', '=', users.officer!.id).executeTakeFirstOrThrow();
    expect(request).toMatchObject({ requesterName: officer.display_name, requesterAgencyName: 'Council', ownerAgencyName: 'Police' });
    expect(JSON.stringify(request)).not.toContain('Secret police case title');
  });

  it('lets only a decider of the owner agency decide: the requester gets 403, others 404', async () => {
    const expiresAt = new Date(clock + 30 * DAY).toISOString();
    expect((await post(tokens.officer!, `/access-requests/${ids.request}/approve`, { expiresAt, expectedVersion: 1 })).statusCode).toBe(403);
    expect((await post(tokens.pc!, `/access-requests/${ids.request}/approve`, { expiresAt, expectedVersion: 1 })).statusCode).toBe(404);
    expect((await post(tokens.councilAdmin!, `/access-requests/${ids.request}/approve`, { expiresAt, expectedVersion: 1 })).statusCode).toBe(404);
    expect(await sees(users.officer!, ids.policeCase!)).toBe(false);
  });

  it('refuses a grant longer than 90 days and a stale expected version', async () => {
    const tooLong = await post(tokens.manager!, `/access-requests/${ids.request}/approve`, { expiresAt: new Date(clock + 91 * DAY).toISOString(), expectedVersion: 1 });
    expect(tooLong.statusCode).toBe(400);
    const stale = await post(tokens.manager!, `/access-requests/${ids.request}/approve`, { expiresAt: new Date(clock + 30 * DAY).toISOString(), expectedVersion: 2 });
    expect(stale.statusCode).toBe(409);
    expect(await server.db.selectFrom('access_grants').selectAll().execute()).toEqual([]);
  });

  it('approval grants the requester the case until it expires, and tells sync', async () => {
    const res = await post(tokens.manager!, `/access-requests/${ids.request}/approve`, { expiresAt: new Date(clock + 30 * DAY).toISOString(), note: 'Agreed for the panel', expectedVersion: 1 });
    expect(res.statusCode).toBe(200);
    const body = res.json<Answer>();
    expect(body).toMatchObject({ status: 'approved', version: 2 });
    ids.grant = body.grant!.id;
    expect(await sees(users.officer!, ids.policeCase!)).toBe(true);
    expect(await sees(users.colleague!, ids.policeCase!)).toBe(false);
    expect(await listed(tokens.officer!)).toContain(ids.policeCase);
    expect(await listed(tokens.colleague!)).not.toContain(ids.policeCase);
    await audienceAgrees();
    const pull = await server.app.inject({ method: 'GET', url: '/sync/pull?limit=500', headers: { authorization: `Bearer ${tokens.officer}` } });
    expect(pull.json<PullResponse>().changes.filter((c) => c.entity === 'case').map((c) => c.data.id)).toContain(ids.policeCase);
    const change = await server.db.selectFrom('change_log').select(['op', 'case_id']).where('entity', '=', 'case').where('entity_id', '=', ids.policeCase!).where('op', '=', 'access').execute();
    expect(change).toEqual([{ op: 'access', case_id: ids.policeCase }]);
    expect((await post(tokens.manager!, `/access-requests/${ids.request}/deny`, { note: 'Changed my mind', expectedVersion: 2 })).statusCode).toBe(409);

    // Tokens expire with a moved clock too, so the expiry is checked through the visibility filter itself.
    clock += 31 * DAY;
    try {
      expect(await sees(users.officer!, ids.policeCase!)).toBe(false);
      await audienceAgrees();
    } finally {
      clock -= 31 * DAY;
    }
    expect(await sees(users.officer!, ids.policeCase!)).toBe(true);
  });

  it('revokes a grant once; the requester loses the case', async () => {
    expect((await post(tokens.officer!, `/access-grants/${ids.grant}/revoke`, {})).statusCode).toBe(403);
    const res = await post(tokens.manager!, `/access-grants/${ids.grant}/revoke`, { note: 'Panel closed' });
    expect(res.statusCode).toBe(200);
    expect(res.json<Answer>().status).toBe('revoked');
    expect(await sees(users.officer!, ids.policeCase!)).toBe(false);
    // The grant's audience row outlives it and admits nothing: the list checks the grant as it reads.
    const row = await server.db.selectFrom('case_audience').select('principal').where('case_id', '=', ids.policeCase!).where('principal', '=', `g:${users.officer!.id}`).execute();
    expect(row).toHaveLength(1);
    expect(await listed(tokens.officer!)).not.toContain(ids.policeCase);
    await audienceAgrees();
    expect((await post(tokens.manager!, `/access-grants/${ids.grant}/revoke`, {})).statusCode).toBe(409);
  });

  it('a denied request grants nothing', async () => {
    const asked = (await request(tokens.colleague!, ids.policeCase!)).json<Answer>();
    const res = await post(tokens.manager!, `/access-requests/${asked.id}/deny`, { note: 'Not needed for this work', expectedVersion: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json<Answer>()).toMatchObject({ status: 'denied', grant: null });
    expect(await sees(users.colleague!, ids.policeCase!)).toBe(false);
    const decisions = await server.db.selectFrom('audit_events').select('action').where('action', '=', 'access.decision').execute();
    expect(decisions).toHaveLength(3);
  });

  it('asks for a person record from its owner agency', async () => {
    const res = await request(tokens.officer!, ids.person!, 'person');
    expect(res.statusCode).toBe(200);
    expect(res.json<Answer>()).toMatchObject({ ownerAgencyId: ids.police, status: 'pending' });
    expect(res.body).not.toContain('Synthetic');
    expect((await request(tokens.pc!, ids.person!, 'person')).statusCode).toBe(409);
  });
});
