/**
 * The sharing dialog's server side: GET /cases/:id/sharing (the case's sharing and the directory the
 * caller's agency may share with, audited) and PUT /reports/:id/sharing (author only, within the
 * agreements, never wider than the case, compare-and-set).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSharingView } from '../../domain/entities/sharing.ts';
import { buildThreeAgencyWorld, call } from '../support/case-factories.ts';
import { uploadDocument } from '../support/document-upload.ts';
import { buildCase } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

interface Report { id: string; version: number; sharingLevel: string; sharedAgencyIds: string[]; sharedTeamIds: string[] }
interface Err { error: { code: string; message: string } }

describe.each(testDialects())('the sharing dialog on %s', (dialect) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof buildThreeAgencyWorld>>;
  let caseId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    world = await buildThreeAgencyWorld(server);
    caseId = (await buildCase(server.db, {
      ownerAgencyId: world.agencies.police, ownerTeamId: world.teams.police[0], sharingLevel: 'shared', sharedAgencyIds: [world.agencies.council],
    })).id;
    await server.db.insertInto('case_shared_teams').values({ case_id: caseId, team_id: world.teams.housing[0] }).execute();
  });
  afterAll(() => server.stop());

  it("returns the case's sharing and only the agencies the owner has an agreement with (plus those already named), audited", async () => {
    await server.db.updateTable('agencies').set({ sharing_restricted: 1 }).where('id', '=', world.agencies.police).execute();
    await server.db.insertInto('sharing_agreements').values({ agency_id: world.agencies.police, partner_agency_id: world.agencies.council }).execute();
    const manager = world.users.police.manager;
    const res = await call<CaseSharingView>(server, manager, 'GET', `/cases/${caseId}/sharing`);
    expect(res.status).toBe(200);
    expect(res.body.sharing).toMatchObject({ sharingLevel: 'shared', agencyIds: [world.agencies.council], teamIds: [world.teams.housing[0]], version: 1 });
    expect(res.body.owner).toEqual({ agencyId: world.agencies.police, teamId: world.teams.police[0], userId: null });
    // Own agency first; housing is listed only because one of its teams is named, and may not be named again.
    expect(res.body.agencies.map((a) => [a.id, a.mayShare])).toEqual([
      [world.agencies.police, true], [world.agencies.council, true], [world.agencies.housing, false],
    ]);
    const council = res.body.agencies[1]!;
    expect(council.teams.map((t) => t.id).sort()).toEqual([...world.teams.council].sort());
    expect(council.users.map((u) => u.id)).toContain(world.users.council.a.id);
    expect(council.users.find((u) => u.id === world.users.council.a.id)?.teamIds).toEqual([world.teams.council[0]]);
    const audit = await server.db.selectFrom('audit_events').select(['action', 'details']).where('entity_id', '=', caseId)
      .where('user_id', '=', manager.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect([audit.action, JSON.parse(audit.details)]).toEqual(['record.view', { sharing: true }]);
    // Someone who cannot see the case is not told it exists.
    const other = await buildCase(server.db, { ownerAgencyId: world.agencies.police });
    expect((await call(server, world.users.council.a, 'GET', `/cases/${other.id}/sharing`)).status).toBe(404);
  });

  it('lets the author narrow a report, refuses one wider than its case, and changes nothing when refused', async () => {
    const author = world.users.council.a;
    const created = await call<Report>(server, author, 'POST', `/cases/${caseId}/reports`, { kind: 'contact', title: 'Visit', body: 'Synthetic visit' });
    expect(created.status).toBe(200);
    const id = created.body.id;
    // Housing sees the case only through its team A: the whole of housing is wider than the case.
    const wider = await call<Err>(server, author, 'PUT', `/reports/${id}/sharing`, {
      sharingLevel: 'shared', agencyIds: [world.agencies.housing], expectedVersion: 1,
    });
    expect(wider.status).toBe(400);
    expect(wider.body.error.code).toBe('validation_error');
    expect(wider.body.error.message).toContain('more widely than its case');
    const widerTeam = await call<Err>(server, author, 'PUT', `/reports/${id}/sharing`, {
      sharingLevel: 'shared', teamIds: [world.teams.housing[1]], expectedVersion: 1,
    });
    expect(widerTeam.body.error.code).toBe('validation_error');
    expect(await server.db.selectFrom('reports').select(['sharing_level', 'version']).where('id', '=', id).executeTakeFirstOrThrow())
      .toEqual({ sharing_level: 'case', version: 1 });

    const other = await call<Err>(server, world.users.council.b, 'PUT', `/reports/${id}/sharing`, { sharingLevel: 'owner_agency', expectedVersion: 1 });
    expect(other.body.error.code).toBe('authorization_error');

    const ok = await call<Report>(server, author, 'PUT', `/reports/${id}/sharing`, {
      sharingLevel: 'shared', teamIds: [world.teams.housing[0]], expectedVersion: 1,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ sharingLevel: 'shared', sharedTeamIds: [world.teams.housing[0]], version: 2 });
    expect((await call(server, world.users.housing.a, 'GET', `/reports/${id}`)).status).toBe(200);
    expect((await call(server, world.users.police.a, 'GET', `/reports/${id}`)).status).toBe(404);

    const stale = await call<Err>(server, author, 'PUT', `/reports/${id}/sharing`, { sharingLevel: 'case', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    const audit = await server.db.selectFrom('audit_events').select('details').where('entity_id', '=', id).where('action', '=', 'record.share_change')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toMatchObject({ changes: { sharingLevel: ['case', 'shared'], sharedTeamIds: [[], [world.teams.housing[0]]] } });
    const log = await server.db.selectFrom('change_log').select(['op']).where('entity', '=', 'report').where('entity_id', '=', id).orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(log.op).toBe('access');
  });

  it("refuses a report restricted to the author's whole agency when the case admits only one of its teams", async () => {
    const narrow = (await buildCase(server.db, { ownerAgencyId: world.agencies.police, ownerTeamId: world.teams.police[0], sharingLevel: 'owner_team' })).id;
    const author = world.users.police.a;
    const created = await call<Report>(server, author, 'POST', `/cases/${narrow}/reports`, { kind: 'contact', title: 'Note', body: 'Synthetic' });
    const refused = await call<Err>(server, author, 'PUT', `/reports/${created.body.id}/sharing`, { sharingLevel: 'owner_agency', expectedVersion: 1 });
    expect(refused.body.error.code).toBe('validation_error');
    const ok = await call<Report>(server, author, 'PUT', `/reports/${created.body.id}/sharing`, { sharingLevel: 'owner_only', expectedVersion: 1 });
    expect(ok.body.sharingLevel).toBe('owner_only');
  });

  it("lets the uploader restrict a document within its case, refuses a stale or wider change, and changes nothing then", async () => {
    const uploader = world.users.council.a;
    const doc = await uploadDocument(server, uploader.token, caseId, { name: 'visit.txt', type: 'text/plain', content: Buffer.from('Synthetic visit note') });
    const none = { sharingLevel: 'parent', agencyIds: [], teamIds: [], userIds: [] };
    const wider = await call<Err>(server, uploader, 'PUT', `/documents/${doc.id}/sharing`, { sharingLevel: 'shared', agencyIds: [world.agencies.housing], expected: none });
    expect(wider.body.error.code).toBe('validation_error');
    expect((await call<Err>(server, world.users.council.b, 'PUT', `/documents/${doc.id}/sharing`, { sharingLevel: 'owner_agency', expected: none })).body.error.code)
      .toBe('authorization_error');
    const ok = await call<{ sharingLevel: string; shares: { teamIds: string[] } }>(server, uploader, 'PUT', `/documents/${doc.id}/sharing`, {
      sharingLevel: 'shared', teamIds: [world.teams.housing[0]], expected: none,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ sharingLevel: 'shared', shares: { teamIds: [world.teams.housing[0]] } });
    expect((await call(server, world.users.police.a, 'GET', `/documents/${doc.id}`)).status).toBe(404);
    expect((await call(server, world.users.housing.a, 'GET', `/documents/${doc.id}`)).status).toBe(200);
    // From the sharing seen before the change: a conflict, and the stored sharing stays.
    const stale = await call<Err>(server, uploader, 'PUT', `/documents/${doc.id}/sharing`, { sharingLevel: 'owner_only', expected: none });
    expect(stale.status).toBe(409);
    const stored = await server.db.selectFrom('documents').select('sharing_level').where('id', '=', doc.id).executeTakeFirstOrThrow();
    expect(stored.sharing_level).toBe('shared');
    const audit = await server.db.selectFrom('audit_events').select('details').where('entity_id', '=', doc.id).where('action', '=', 'record.share_change').execute();
    expect(audit).toHaveLength(1);
  });
});
