import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { AuditSearchPage } from '../../domain/audit/audit-search.ts';
import { recordAuditNow } from '../../server/audit/record-audit.ts';
import { buildCase, buildUser } from '../support/factories.ts';
import { buildPerson, buildThreeAgencyWorld, call, signIn, type WorldUser } from '../support/case-factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe.each(testDialects())('who sees which audit events on %s', (dialect) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof buildThreeAgencyWorld>>;
  let policeOfficer: WorldUser;
  let councilOfficer: WorldUser;
  let housingOfficer: WorldUser;
  let caseId: string;
  let personId: string;

  const officer = async (agencyId: string): Promise<WorldUser> => {
    const u = await buildUser(server.db, { agencyId, role: 'data_officer' });
    return { id: u.id, agencyId, teamIds: [], role: 'data_officer', token: await signIn(server, u.username, u.password) };
  };
  const search = async (user: WorldUser, query: string) => {
    const res = await call<AuditSearchPage>(server, user, 'GET', `/audit/events?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.events;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    world = await buildThreeAgencyWorld(server);
    const { agencies, users } = world;
    policeOfficer = await officer(agencies.police);
    councilOfficer = await officer(agencies.council);
    housingOfficer = await officer(agencies.housing);
    caseId = (await buildCase(server.db, { ownerAgencyId: agencies.police, sharingLevel: 'shared', sharedAgencyIds: [agencies.council] })).id;
    personId = await buildPerson(server.db, { ownerAgencyId: agencies.police });
    // Real reads through the API: the partner's, and each police team's.
    expect((await call(server, users.council.a, 'GET', `/cases/${caseId}`)).status).toBe(200);
    expect((await call(server, users.police.a, 'GET', `/cases/${caseId}`)).status).toBe(200);
    expect((await call(server, users.police.b, 'GET', `/cases/${caseId}`)).status).toBe(200);
    expect((await call(server, users.police.a, 'GET', `/persons/${personId}`)).status).toBe(200);
    // A change on the case, recorded the way every service records one.
    await recordAuditNow(server.db, {
      actor: { userId: users.police.b.id, agencyId: agencies.police, ip: '10.1.1.1' }, action: 'record.update', entityType: 'case',
      entityId: caseId, outcome: 'success', details: { changes: { title: ['Before', 'After'] } }, at: new Date(),
    });
  });
  afterAll(() => server.stop());

  it("shows the owner's data officer a partner agency's read of the owner's case", async () => {
    const events = await search(policeOfficer, `caseId=${caseId}&action=record.view`);
    expect(events.map((e) => e.userId).sort()).toEqual([world.users.council.a.id, world.users.police.a.id, world.users.police.b.id].sort());
    const partner = events.find((e) => e.agencyId === world.agencies.council)!;
    expect(partner).toMatchObject({ caseId, entityType: 'case', entityId: caseId, outcome: 'success' });
  });

  it("shows the partner's data officer their own staff's read, but not the owner's staff's", async () => {
    const events = await search(councilOfficer, `caseId=${caseId}`);
    expect(events.map((e) => e.userId)).toEqual([world.users.council.a.id]);
  });

  it('shows an uninvolved agency nothing of the case', async () => {
    expect(await search(housingOfficer, `caseId=${caseId}`)).toEqual([]);
  });

  it('narrows by the acting agency within the scope: the partner reads of our case', async () => {
    const events = await search(policeOfficer, `agencyId=${world.agencies.council}`);
    expect(events.map((e) => [e.userId, e.action, e.caseId])).toEqual([[world.users.council.a.id, 'record.view', caseId]]);
  });

  it('filters by person, category and team', async () => {
    const byPerson = await search(policeOfficer, `personId=${personId}`);
    expect(byPerson.map((e) => [e.userId, e.action, e.entityType])).toEqual([[world.users.police.a.id, 'record.view', 'person']]);

    const changes = await search(policeOfficer, `category=alteration&caseId=${caseId}`);
    expect(changes.map((e) => [e.userId, e.action])).toEqual([[world.users.police.b.id, 'record.update']]);
    expect(changes[0]!.details).toEqual({ changes: { title: ['Before', 'After'] } });
    expect(changes[0]!.ip).toBe('10.1.1.1');

    const teamB = await search(policeOfficer, `teamId=${world.teams.police[1]}&caseId=${caseId}`);
    expect(new Set(teamB.map((e) => e.userId))).toEqual(new Set([world.users.police.b.id]));
  });

  it("shows a team manager their own staff's events and no one else's", async () => {
    const { users } = world;
    const events = await search(users.police.manager, `caseId=${caseId}`);
    // Team A is the manager's: practitioner a's view, not b's (team B) nor the partner's.
    expect(events.map((e) => e.userId)).toEqual([users.police.a.id]);
    const everything = await search(users.police.manager, 'limit=500');
    expect(new Set(everything.map((e) => e.userId))).toEqual(new Set([users.police.a.id, users.police.manager.id]));
  });

  it('refuses a practitioner and records the denied search', async () => {
    const res = await call<{ error: { code: string } }>(server, world.users.police.a, 'GET', `/audit/events?caseId=${caseId}`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('authorization_error');
    const last = await server.db.selectFrom('audit_events').selectAll().where('user_id', '=', world.users.police.a.id)
      .orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect([last.action, last.outcome]).toEqual(['record.search', 'denied']);
  });

  it("shows the owner's data officer a partner's queue page that listed the owner's case, from the page's own rows", async () => {
    const res = await call<{ cases: Array<{ id: string }> }>(server, world.users.council.a, 'GET', '/cases?limit=100');
    expect(res.status).toBe(200);
    expect(res.body.cases.map((c) => c.id)).toContain(caseId);
    const lists = await search(policeOfficer, `action=record.list&agencyId=${world.agencies.council}`);
    expect(lists.map((e) => [e.userId, e.entityType])).toEqual([[world.users.council.a.id, 'case']]);
    expect((lists[0]!.details as { ids: string[] }).ids).toContain(caseId);
    expect(await search(housingOfficer, 'action=record.list')).toEqual([]);
  });
});
