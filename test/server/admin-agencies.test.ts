/**
 * System administrators add agencies and set the sharing agreement matrix; nobody else can. The
 * agreements decide the next sharing choice (never undoing shares already made), and a new agency
 * reaches desktops through sync.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../domain/http/sync-schemas.ts';
import { buildCase } from '../support/factories.ts';
import { buildSignedInUser, buildThreeAgencyWorld, call, type WorldUser } from '../support/case-factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

interface ErrorAnswer { error: { code: string; message: string } }
interface AdminAgency { id: string; name: string; kind: string; code: string; sharingRestricted: boolean; partnerAgencyIds: string[]; userCount: number }

describe.each(testDialects())('agency administration on %s', (dialect) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof buildThreeAgencyWorld>>;
  let sysadmin: WorldUser;
  let agencyAdmin: WorldUser;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    world = await buildThreeAgencyWorld(server);
    sysadmin = await buildSignedInUser(server, world.agencies.council, [], 'system_admin');
    agencyAdmin = await buildSignedInUser(server, world.agencies.police, [], 'agency_admin');
  });
  afterAll(() => server.stop());

  const agencyRows = () => server.db.selectFrom('agencies').select(['code', 'sharing_restricted']).orderBy('code').execute();
  const agreementRows = () => server.db.selectFrom('sharing_agreements').selectAll().orderBy('agency_id').orderBy('partner_agency_id').execute();

  it('lists every agency with its rule, partners and account count, for a system administrator only', async () => {
    const res = await call<{ agencies: AdminAgency[] }>(server, sysadmin, 'GET', '/agencies');
    expect(res.status).toBe(200);
    expect(res.body.agencies.map((a) => a.name)).toEqual(['Test Council', 'Test Housing', 'Test Police']);
    // Three practitioners each, plus the system admin in the council and the agency admin in the police.
    expect(res.body.agencies.map((a) => a.userCount)).toEqual([4, 3, 4]);
    const refused = await call<ErrorAnswer>(server, agencyAdmin, 'GET', '/agencies');
    expect([refused.status, refused.body.error.code]).toEqual([403, 'authorization_error']);
    const denied = await server.db.selectFrom('audit_events').select(['outcome', 'details']).where('user_id', '=', agencyAdmin.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect([denied.outcome, (JSON.parse(denied.details) as { change: string }).change]).toEqual(['denied', 'agency.list']);
  });

  it('adds an agency that shares with nobody yet, and refuses a repeated code or a non-system administrator with nothing changed', async () => {
    const before = await agencyRows();
    const refused = await call<ErrorAnswer>(server, agencyAdmin, 'POST', '/agencies', { name: 'Northshire Fire', kind: 'fire', code: 'nfr' });
    expect(refused.status).toBe(403);
    expect(await agencyRows()).toEqual(before);

    const made = await call<AdminAgency>(server, sysadmin, 'POST', '/agencies', { name: 'Northshire Fire', kind: 'fire', code: 'nfr' });
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({ name: 'Northshire Fire', kind: 'fire', code: 'NFR', sharingRestricted: true, partnerAgencyIds: [], userCount: 0 });

    const after = await agencyRows();
    const again = await call<ErrorAnswer>(server, sysadmin, 'POST', '/agencies', { name: 'Another Fire', kind: 'fire', code: 'NFR' });
    expect([again.status, again.body.error.code]).toEqual([409, 'conflict']);
    expect(again.body.error.message).toContain('NFR');
    const bad = await call<ErrorAnswer>(server, sysadmin, 'POST', '/agencies', { name: 'Bad', kind: 'bakery', code: 'B!' });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'validation_error']);
    expect(await agencyRows()).toEqual(after);

    // A desktop learns of it through sync, as of any record.
    const pull = await call<PullResponse>(server, world.users.housing.a, 'GET', '/sync/pull?cursor=0&limit=1000');
    expect(pull.body.changes.filter((c) => c.entity === 'agency').map((c) => c.data.id)).toContain(made.body.id);
  });

  it("replaces an agency's agreements, which decide the next sharing choice, and refuses unknown or own partners with nothing changed", async () => {
    const { police, council, housing } = world.agencies;
    const caseId = (await buildCase(server.db, { ownerAgencyId: police, ownerTeamId: world.teams.police[0] })).id;
    const set = await call<AdminAgency>(server, sysadmin, 'PUT', `/agencies/${police}/sharing-agreements`, { sharingRestricted: true, partnerAgencyIds: [council] });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ sharingRestricted: true, partnerAgencyIds: [council] });
    const audit = await server.db.selectFrom('audit_events').select(['details']).where('entity_id', '=', police).where('action', '=', 'admin.change')
      .where('outcome', '=', 'success').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toEqual({
      change: 'agency.sharing_agreements', old: { sharingRestricted: false, partnerAgencyIds: [] }, new: { sharingRestricted: true, partnerAgencyIds: [council] },
    });

    const share = (agencyIds: string[], expectedVersion: number) => call<ErrorAnswer & { version: number }>(server, world.users.police.manager, 'PUT', `/cases/${caseId}/sharing`, {
      sharingLevel: 'shared', agencyIds, hiddenFromSearch: false, expectedVersion,
    });
    const toHousing = await share([housing], 1);
    expect([toHousing.status, toHousing.body.error.message]).toEqual([400, expect.stringContaining('Test Housing')]);
    expect((await share([council], 1)).status).toBe(200);

    const before = await agreementRows();
    const unknown = await call<ErrorAnswer>(server, sysadmin, 'PUT', `/agencies/${police}/sharing-agreements`, { sharingRestricted: false, partnerAgencyIds: ['00000000-0000-4000-8000-000000000000'] });
    const own = await call<ErrorAnswer>(server, sysadmin, 'PUT', `/agencies/${police}/sharing-agreements`, { sharingRestricted: false, partnerAgencyIds: [police] });
    const notAdmin = await call<ErrorAnswer>(server, agencyAdmin, 'PUT', `/agencies/${police}/sharing-agreements`, { sharingRestricted: false, partnerAgencyIds: [] });
    expect([unknown.status, own.status, notAdmin.status]).toEqual([400, 400, 403]);
    expect(await agreementRows()).toEqual(before);
    expect((await agencyRows()).find((a) => a.code === set.body.code)?.sharing_restricted).toBe(1);
  });
});
