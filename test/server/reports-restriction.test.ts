import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildThreeAgencyWorld, call } from '../support/case-factories.ts';
import { buildCase } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

interface Report { id: string; version: number; title: string; body: string; abilities: { update: boolean } }

describe.each(testDialects())('reports on %s', (dialect) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof buildThreeAgencyWorld>>;
  let caseId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    world = await buildThreeAgencyWorld(server);
    caseId = (await buildCase(server.db, { ownerAgencyId: world.agencies.police, sharingLevel: 'shared', sharedAgencyIds: [world.agencies.council] })).id;
  });
  afterAll(() => server.stop());

  it('a report restricted to police is not visible to the council even though the case is shared', async () => {
    const police = world.users.police.a;
    const council = world.users.council.a;
    const intel = await call<Report>(server, police, 'POST', `/cases/${caseId}/reports`, {
      kind: 'research', title: 'Intelligence', body: 'Synthetic police-only note', sharingLevel: 'owner_agency',
    });
    expect(intel.status).toBe(200);
    const open = await call<Report>(server, council, 'POST', `/cases/${caseId}/reports`, { kind: 'contact', title: 'Visit', body: 'Synthetic visit' });
    expect(open.status).toBe(200);
    expect((await call(server, council, 'GET', `/cases/${caseId}`)).status).toBe(200);
    const councilList = await call<{ reports: Report[] }>(server, council, 'GET', `/cases/${caseId}/reports`);
    expect(councilList.body.reports.map((r) => r.id)).toEqual([open.body.id]);
    expect((await call(server, council, 'GET', `/reports/${intel.body.id}`)).status).toBe(404);
    const policeList = await call<{ reports: Report[] }>(server, police, 'GET', `/cases/${caseId}/reports`);
    expect(policeList.body.reports.map((r) => r.id)).toEqual([intel.body.id, open.body.id]);
    expect((await call(server, world.users.housing.a, 'GET', `/cases/${caseId}/reports`)).status).toBe(404);
  });

  it('refuses a new report restricted more widely than its case, writing nothing; one within it is kept', async () => {
    const police = world.users.police.a;
    const teamCase = (await buildCase(server.db, { ownerAgencyId: world.agencies.police, ownerTeamId: world.teams.police[0], sharingLevel: 'owner_team' })).id;
    const count = async () => (await server.db.selectFrom('reports').select('id').where('case_id', '=', teamCase).execute()).length;
    const base = { kind: 'contact', title: 'Visit', body: 'Synthetic visit' };
    for (const wider of [{ sharingLevel: 'owner_agency' }, { sharingLevel: 'shared', agencyIds: [world.agencies.council] }]) {
      const refused = await call<{ error: { code: string; message: string } }>(server, police, 'POST', `/cases/${teamCase}/reports`, { ...base, ...wider });
      expect([refused.status, refused.body.error.code], wider.sharingLevel).toEqual([400, 'validation_error']);
      expect(refused.body.error.message).toContain('more widely than its case');
    }
    expect(await count()).toBe(0);
    expect((await call(server, police, 'POST', `/cases/${teamCase}/reports`, { ...base, sharingLevel: 'owner_team' })).status).toBe(200);
    expect((await call(server, police, 'POST', `/cases/${teamCase}/reports`, { ...base, sharingLevel: 'owner_only' })).status).toBe(200);
    expect(await count()).toBe(2);
  });

  it('keeps every earlier version when the author edits, and only the author may edit', async () => {
    const police = world.users.police.a;
    const created = await call<Report>(server, police, 'POST', `/cases/${caseId}/reports`, { kind: 'assessment', title: 'First', body: 'Text one' });
    expect(created.body.abilities.update).toBe(true);
    const edited = await call<Report>(server, police, 'PATCH', `/reports/${created.body.id}`, { body: 'Text two' });
    expect(edited.body).toMatchObject({ version: 2, body: 'Text two', title: 'First' });
    await call(server, police, 'PATCH', `/reports/${created.body.id}`, { title: 'Second' });
    const versions = await call<{ versions: { version: number; title: string; body: string }[] }>(server, police, 'GET', `/reports/${created.body.id}/versions`);
    expect(versions.body.versions.map((v) => [v.version, v.title, v.body])).toEqual([[1, 'First', 'Text one'], [2, 'First', 'Text two'], [3, 'Second', 'Text two']]);
    const other = await call<{ error: { code: string } }>(server, world.users.police.b, 'PATCH', `/reports/${created.body.id}`, { body: 'Hijack' });
    expect(other.body.error.code).toBe('authorization_error');
    const stored = await server.db.selectFrom('reports').select(['body', 'version']).where('id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ body: 'Text two', version: 3 });
  });

  it('refuses a bad report kind and changes nothing', async () => {
    const before = await server.db.selectFrom('reports').select('id').execute();
    const bad = await call(server, world.users.police.a, 'POST', `/cases/${caseId}/reports`, { kind: 'gossip', title: 't', body: 'b' });
    expect(bad.status).toBe(400);
    expect((await server.db.selectFrom('reports').select('id').execute()).length).toBe(before.length);
  });
});
