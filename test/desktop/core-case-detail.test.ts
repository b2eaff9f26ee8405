import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailView } from '../../domain/ipc/case-detail-view.ts';
import { newId } from '../../domain/ids.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { signIn } from '../support/case-factories.ts';
import { callCore } from '../support/core-call.ts';
import { startTestCore, type TestCore } from '../support/core-world.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { auditDetails } from '../support/audit-details.ts';

describe('the cases.detail channel of the desktop core', () => {
  let server: TestServer;
  let core: DesktopCore;
  let desktop: TestCore;
  let officer: { id: string; username: string; password: string };
  let ownCase = '';
  let sharedIn = '';

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const council = await buildAgency(server.db, { name: 'Riverton Council', code: 'RDC' });
    const police = await buildAgency(server.db, { name: 'Northshire Police', kind: 'police', code: 'RDP' });
    officer = await buildUser(server.db, { agencyId: council, password: 'council-pass-1' });
    ownCase = (await buildCase(server.db, { ownerAgencyId: council, title: 'Noise at Wrenfield Parade' })).id;
    sharedIn = (await buildCase(server.db, { ownerAgencyId: police, sharingLevel: 'shared', sharedAgencyIds: [council] })).id;
    const token = await signIn(server, officer.username, officer.password);
    const marker = await server.app.inject({
      method: 'POST', url: '/markers', headers: { authorization: `Bearer ${token}` },
      payload: { subjectType: 'case', subjectId: ownCase, markerType: 'staff_safety', description: 'Dog on premises', reviewDate: '2027-01-01' },
    });
    expect(marker.statusCode, marker.body).toBe(200);
    desktop = startTestCore(server, 'cb-core-detail-');
    ({ core } = desktop);
  });
  afterAll(async () => {
    await desktop.stop();
    await server.stop();
  });

  const detail = (caseId: string) => callCore<CaseDetailView>(core, 'cases.detail', { caseId });

  it('needs a signed-in session', async () => {
    expect(await core.handle('cases.detail', { caseId: ownCase })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
  });

  it('answers a synced case with its marker banner and the abilities the server gave: owner side may change it, a partner may not', async () => {
    await callCore(core, 'session.signIn', officer);
    await callCore(core, 'sync.now', null);
    const own = await detail(ownCase);
    expect(own.case).toMatchObject({ id: ownCase, title: 'Noise at Wrenfield Parade', ownerAgencyName: 'Riverton Council', version: 1 });
    expect(own.case.abilities).toMatchObject({ update: true, close: true, add_report: true });
    expect(own.markers.map((m) => [m.markerType, m.description])).toEqual([['staff_safety', 'Dog on premises']]);
    const partner = await detail(sharedIn);
    expect(partner.case.abilities).toMatchObject({ read: true, update: false, close: false, add_report: true });
  });

  it('answers a typed error for an unknown case and for a malformed id', async () => {
    expect(await core.handle('cases.detail', { caseId: newId() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await core.handle('cases.detail', { caseId: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    expect(await core.handle('cases.detail', { caseId: ownCase, extra: 1 })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
  });

  it('refuses while the session is locked', async () => {
    await callCore(core, 'session.lock', null);
    expect(await core.handle('cases.detail', { caseId: ownCase })).toMatchObject({ ok: false, error: { code: 'session_locked' } });
    await callCore(core, 'session.unlock', { password: officer.password });
    expect((await detail(ownCase)).case.id).toBe(ownCase);
  });

  it('adds a new place to a case through the outbox: listed at once with why it matters, sent with the same ids; refused input and a partner\'s case change nothing on the server', async () => {
    const locationId = newId();
    const caseLocationId = newId();
    await callCore(core, 'changes.submit', { name: 'location.create', args: { locationId, addressLine: '4 Wrenfield Parade', town: 'Riverton', postcode: 'rv1 4wp' } });
    await callCore(core, 'changes.submit', { name: 'case.addLocation', args: { caseLocationId, caseId: ownCase, locationId, description: 'Where the noise comes from' } });
    expect((await detail(ownCase)).places).toEqual([{ id: locationId, address: '4 Wrenfield Parade, Riverton, RV1 4WP', description: 'Where the noise comes from' }]);

    expect(await core.handle('changes.submit', { name: 'location.create', args: { locationId: newId(), addressLine: '1 High St', town: 'Riverton', postcode: 'not a postcode' } }))
      .toMatchObject({ ok: false, error: { code: 'validation_error' } });
    expect(await core.handle('changes.submit', { name: 'case.addLocation', args: { caseLocationId: newId(), caseId: ownCase, locationId, description: '  ' } }))
      .toMatchObject({ ok: false, error: { code: 'validation_error' } });
    // A partner may read the shared case but not add to it: the server refuses it and the desktop takes it back.
    await callCore(core, 'changes.submit', { name: 'case.addLocation', args: { caseLocationId: newId(), caseId: sharedIn, locationId, description: 'Seen here' } });

    await callCore(core, 'sync.now', null);
    expect(await server.db.selectFrom('locations').select(['id', 'postcode']).where('id', '=', locationId).execute()).toEqual([{ id: locationId, postcode: 'RV1 4WP' }]);
    expect(await server.db.selectFrom('case_locations').select(['id', 'case_id', 'description']).where('location_id', '=', locationId).execute())
      .toEqual([{ id: caseLocationId, case_id: ownCase, description: 'Where the noise comes from' }]);
    expect((await detail(sharedIn)).places).toEqual([]);
    expect((await detail(ownCase)).places.map((p) => p.id)).toEqual([locationId]);
  });

  it('finds places of the offline copy by any part of the address, town or postcode (with or without its space), and records the search', async () => {
    type Found = { hits: Array<{ id: string; address: string }> };
    const found = await callCore<Found>(core, 'locations.search', { text: 'rv14wp' });
    expect(found.hits).toEqual([expect.objectContaining({ address: '4 Wrenfield Parade, Riverton, RV1 4WP' })]);
    expect((await callCore<Found>(core, 'locations.search', { text: 'WRENFIELD' })).hits.map((h) => h.id)).toEqual(found.hits.map((h) => h.id));
    expect((await callCore<Found>(core, 'locations.search', { text: '%' })).hits).toEqual([]);
    expect(await core.handle('locations.search', { text: '   ' })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    await callCore(core, 'sync.now', null);
    const searches = await server.db.selectFrom('audit_events').select(['seq', 'details']).where('action', '=', 'record.search').where('entity_type', '=', 'location')
      .where('user_id', '=', officer.id).execute();
    const terms = await Promise.all(searches.map(async (e) => (await auditDetails(server.db, e) as { terms: { q: string } }).terms.q));
    expect(terms.sort()).toEqual(['%', 'WRENFIELD', 'rv14wp']);
  });

  it("lists an edited report's versions from the server, who and when, oldest first; an unseen report is not found", async () => {
    const token = await signIn(server, officer.username, officer.password);
    const post = await server.app.inject({
      method: 'POST', url: `/cases/${ownCase}/reports`, headers: { authorization: `Bearer ${token}` },
      payload: { kind: 'contact', title: 'Visit', body: 'First account of the visit.' },
    });
    const reportId = post.json<{ id: string }>().id;
    const patch = await server.app.inject({
      method: 'PATCH', url: `/reports/${reportId}`, headers: { authorization: `Bearer ${token}` }, payload: { title: 'Visit (corrected)' },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    await callCore(core, 'sync.now', null);
    expect((await detail(ownCase)).reports.find((r) => r.id === reportId)).toMatchObject({ version: 2, authorUserId: officer.id });

    const { versions } = await callCore<{ versions: Array<{ version: number; title: string; editedBy: string }> }>(core, 'reports.versions', { reportId });
    expect(versions.map((v) => [v.version, v.title, v.editedBy])).toEqual([[1, 'Visit', officer.id], [2, 'Visit (corrected)', officer.id]]);
    expect(await core.handle('reports.versions', { reportId: newId() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await core.handle('reports.versions', { reportId: 'x' })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
  });
});
