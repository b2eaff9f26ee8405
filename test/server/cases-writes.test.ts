import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildThreeAgencyWorld, call } from '../support/case-factories.ts';
import { buildCase } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { auditDetails } from '../support/audit-details.ts';

interface Summary { id: string; version: number; riskLevel: string; reference: string; abilities: Record<string, boolean>; sharedAgencyIds: string[] }
type Err = { error: { code: string; message: string } };

describe.each(testDialects())('case writes on %s', (dialect) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof buildThreeAgencyWorld>>;
  let policeOnly: string;
  let shared: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    world = await buildThreeAgencyWorld(server);
    policeOnly = (await buildCase(server.db, { ownerAgencyId: world.agencies.police, sharingLevel: 'owner_agency' })).id;
    shared = (await buildCase(server.db, {
      ownerAgencyId: world.agencies.police, ownerTeamId: world.teams.police[0], sharingLevel: 'shared', sharedAgencyIds: [world.agencies.council],
    })).id;
  });
  afterAll(() => server.stop());

  it('answers 404 for a case the caller cannot see, on view, change, reports and tasks alike', async () => {
    const council = world.users.council.a;
    expect((await call<Err>(server, council, 'GET', `/cases/${policeOnly}`)).body.error.code).toBe('not_found');
    expect((await call(server, council, 'PATCH', `/cases/${policeOnly}`, { title: 'x' })).status).toBe(404);
    expect((await call(server, council, 'GET', `/cases/${policeOnly}/reports`)).status).toBe(404);
    expect((await call(server, council, 'POST', `/cases/${policeOnly}/reports`, { kind: 'contact', title: 't', body: 'b' })).status).toBe(404);
    expect((await call(server, council, 'POST', `/cases/${policeOnly}/tasks`, { title: 't', assigneeAgencyId: world.agencies.council })).status).toBe(404);
    const title = await server.db.selectFrom('cases').select('title').where('id', '=', policeOnly).executeTakeFirstOrThrow();
    expect(title.title).not.toBe('x');
  });

  it('answers 403 when a partner agency that sees the case tries to change it, and audits the view it may make', async () => {
    const council = world.users.council.a;
    const view = await call<Summary>(server, council, 'GET', `/cases/${shared}`);
    expect(view.status).toBe(200);
    expect(view.body.abilities).toMatchObject({ read: true, update: false, share: false, add_report: true });
    expect((await call<Err>(server, council, 'PATCH', `/cases/${shared}`, { title: 'Partner edit' })).body.error.code).toBe('authorization_error');
    const audits = await server.db.selectFrom('audit_events').select(['action', 'user_id']).where('entity_id', '=', shared).execute();
    expect(audits).toContainEqual({ action: 'record.view', user_id: council.id });
  });

  it('refuses a stale expectedVersion on risk level with 409 and leaves the value unchanged', async () => {
    const police = world.users.police.a;
    const first = await call<Summary>(server, police, 'PATCH', `/cases/${shared}`, { riskLevel: 'high', expectedVersion: 1 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ riskLevel: 'high', version: 2 });
    const stale = await call<Err>(server, police, 'PATCH', `/cases/${shared}`, { riskLevel: 'low', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    const row = await server.db.selectFrom('cases').select(['risk_level', 'version']).where('id', '=', shared).executeTakeFirstOrThrow();
    expect(row).toEqual({ risk_level: 'high', version: 2 });
    expect((await call(server, police, 'PATCH', `/cases/${shared}`, { riskLevel: 'low' })).status).toBe(400);
    const audit = await server.db.selectFrom('audit_events').select(['seq', 'details']).where('entity_id', '=', shared).where('action', '=', 'record.update').execute();
    expect(await Promise.all(audit.map((a) => auditDetails(server.db, a)))).toEqual([{ changes: { risk_level: ['medium', 'high'] } }]);
    // The hashed event holds a commitment to the values, not the values (docs/audit.md).
    const hashed = JSON.parse(audit[0]!.details) as { changes: Record<string, unknown> };
    expect(Object.keys(hashed.changes)).toEqual(['risk_level']);
    expect(hashed.changes.risk_level).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('closing needs a closure reason; bad input changes nothing', async () => {
    const police = world.users.police.a;
    const before = await server.db.selectFrom('cases').selectAll().where('id', '=', policeOnly).executeTakeFirstOrThrow();
    const changesBefore = await server.db.selectFrom('change_log').select('seq').execute();
    expect((await call(server, police, 'PATCH', `/cases/${policeOnly}`, { status: 'closed', expectedVersion: 1 })).status).toBe(400);
    expect((await call(server, police, 'PATCH', `/cases/${policeOnly}`, { riskLevel: 'extreme', expectedVersion: 1 })).status).toBe(400);
    expect((await call(server, police, 'POST', '/cases', { title: 'New', caseType: 'not_a_type' })).status).toBe(400);
    expect(await server.db.selectFrom('cases').selectAll().where('id', '=', policeOnly).executeTakeFirstOrThrow()).toEqual(before);
    expect((await server.db.selectFrom('change_log').select('seq').execute()).length).toBe(changesBefore.length);
  });

  it('opens a case with a generated per-agency reference and a known case type', async () => {
    const police = world.users.police.a;
    const a = await call<Summary>(server, police, 'POST', '/cases', { title: 'Synthetic ASB', caseType: 'asb' });
    const b = await call<Summary>(server, police, 'POST', '/cases', { title: 'Synthetic IOM', caseType: 'iom' });
    expect(a.status).toBe(200);
    expect(a.body.reference).toMatch(/^AG\d+-\d{4}-00001$/);
    expect(b.body.reference).toMatch(/-00002$/);
    expect(a.body.abilities.share).toBe(true);
    const dup = await call<Err>(server, police, 'POST', '/cases', { title: 'Dup', caseType: 'asb', reference: a.body.reference });
    expect(dup.status).toBe(409);
  });

  it('changes sharing only within the agreement matrix, and records an access change and an audit with old and new', async () => {
    const manager = world.users.police.manager;
    await server.db.updateTable('agencies').set({ sharing_restricted: 1 }).where('id', '=', world.agencies.police).execute();
    await server.db.insertInto('sharing_agreements').values({ agency_id: world.agencies.police, partner_agency_id: world.agencies.council }).execute();
    const current = (await call<Summary>(server, manager, 'GET', `/cases/${shared}`)).body;
    const refused = await call<Err>(server, manager, 'PUT', `/cases/${shared}/sharing`, {
      sharingLevel: 'shared', agencyIds: [world.agencies.council, world.agencies.housing], hiddenFromSearch: false, expectedVersion: current.version,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'validation_error' });
    expect(refused.body.error.message).toContain('Test Housing');
    expect((await call(server, world.users.council.a, 'PUT', `/cases/${shared}/sharing`, {
      sharingLevel: 'owner_agency', hiddenFromSearch: false, expectedVersion: current.version,
    })).status).toBe(403);

    const seqBefore = (await server.db.selectFrom('change_seq').select('seq').executeTakeFirstOrThrow()).seq;
    const ok = await call<Summary>(server, manager, 'PUT', `/cases/${shared}/sharing`, {
      sharingLevel: 'owner_agency', hiddenFromSearch: true, expectedVersion: current.version,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.sharedAgencyIds).toEqual([]);
    const log = await server.db.selectFrom('change_log').selectAll().where('seq', '>', seqBefore).execute();
    expect(log.map((l) => [l.entity, l.entity_id, l.op])).toEqual([['case', shared, 'access']]);
    const audit = await server.db.selectFrom('audit_events').select('details').where('entity_id', '=', shared).where('action', '=', 'record.share_change').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toMatchObject({
      changes: { sharingLevel: ['shared', 'owner_agency'], sharedAgencyIds: [[world.agencies.council], []], hiddenFromSearch: [false, true] },
    });
    expect((await call(server, world.users.council.a, 'GET', `/cases/${shared}`)).status).toBe(404);
  });

  it('adds subjects that exist and are not merged, and shows their names to those who see the case', async () => {
    const police = world.users.police.a;
    const person = await buildPerson(server.db, { ownerAgencyId: world.agencies.police, givenName: 'Sam', familyName: 'Synthetic' });
    const merged = await buildPerson(server.db, { ownerAgencyId: world.agencies.police, mergedIntoId: person });
    expect((await call(server, police, 'POST', `/cases/${policeOnly}/subjects`, { personId: merged, role: 'victim' })).status).toBe(400);
    const added = await call<{ subjects: { personId: string; role: string; displayName?: string }[] }>(
      server, police, 'POST', `/cases/${policeOnly}/subjects`, { personId: person, role: 'victim' },
    );
    expect(added.status).toBe(200);
    expect(added.body.subjects).toEqual([expect.objectContaining({ personId: person, role: 'victim', displayName: 'Sam Synthetic' })]);
    const removed = await call<{ subjects: unknown[] }>(server, police, 'DELETE', `/cases/${policeOnly}/subjects`, { personId: person, role: 'victim' });
    expect(removed.body.subjects).toEqual([]);
  });

  it('links two cases only when the caller sees both', async () => {
    const council = world.users.council.a;
    const own = (await buildCase(server.db, { ownerAgencyId: world.agencies.council })).id;
    expect((await call(server, council, 'POST', `/cases/${own}/links`, { linkedCaseId: policeOnly, reason: 'same family' })).status).toBe(404);
    const other = (await buildCase(server.db, { ownerAgencyId: world.agencies.council })).id;
    const ok = await call<{ links: { linkedCaseId: string }[] }>(server, council, 'POST', `/cases/${own}/links`, { linkedCaseId: other, reason: 'same family' });
    expect(ok.body.links.map((l) => l.linkedCaseId)).toEqual([other]);
  });
});
