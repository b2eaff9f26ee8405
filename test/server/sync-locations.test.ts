import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse, SyncChange, SyncEntity } from '../../domain/http/sync-schemas.ts';
import { buildSignedInUser, call, type WorldUser } from '../support/case-factories.ts';
import { buildAgency, buildCase } from '../support/factories.ts';
import { buildLocation } from '../support/person-factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

// Synthetic addresses that occur nowhere else, so a page that leaks one is caught by its text.
const ADDRESS = { addressLine: 'Flat 7, Quillonbury Court', town: 'Exampleton', postcode: 'EX7 7QC' };

describe.each(testDialects())('sync of locations (addresses) on %s', (dialect) => {
  let server: TestServer;
  let owner: WorldUser;
  let partner: WorldUser;
  let outsider: WorldUser;
  let police = '';
  let council = '';
  let housing = '';

  beforeAll(async () => {
    server = await startTestServer(dialect);
    police = await buildAgency(server.db, { kind: 'police', name: 'Police' });
    council = await buildAgency(server.db, { name: 'Council' });
    housing = await buildAgency(server.db, { kind: 'housing', name: 'Housing' });
    owner = await buildSignedInUser(server, police, [], 'team_manager');
    partner = await buildSignedInUser(server, council, []);
    outsider = await buildSignedInUser(server, housing, []);
  });
  afterAll(() => server.stop());

  async function pullAll(user: WorldUser, cursor?: string): Promise<{ page: PullResponse; cursor: string }> {
    const all: PullResponse = { changes: [], removals: [], cursor: cursor ?? '0', hasMore: true, lastMutationId: 0 };
    let at = cursor;
    for (;;) {
      const qs = new URLSearchParams({ limit: '500', ...(at ? { cursor: at } : {}) });
      const { status, body } = await call<PullResponse>(server, user, 'GET', `/sync/pull?${qs}`);
      expect(status).toBe(200);
      all.changes.push(...body.changes);
      all.removals.push(...body.removals);
      at = body.cursor;
      if (!body.hasMore) {
        return { page: all, cursor: body.cursor };
      }
    }
  }
  type DataOf<E extends SyncEntity> = Extract<SyncChange, { entity: E }>['data'];
  const dataOf = <E extends SyncEntity>(page: PullResponse, entity: E): Array<DataOf<E>> =>
    page.changes.filter((c) => c.entity === entity).map((c) => c.data as DataOf<E>);
  const ids = (page: PullResponse, entity: SyncEntity) => dataOf(page, entity).map((d) => d.id);
  const cursors = async () => ({ owner: (await pullAll(owner)).cursor, partner: (await pullAll(partner)).cursor, outsider: (await pullAll(outsider)).cursor });

  async function createLocation(addressLine: string): Promise<string> {
    const res = await call<{ id: string }>(server, owner, 'POST', '/locations', { ...ADDRESS, addressLine });
    expect(res.status).toBe(200);
    return res.body.id;
  }
  async function link(caseId: string, locationId: string): Promise<void> {
    expect((await call(server, owner, 'POST', `/cases/${caseId}/locations`, { locationId, description: 'Where the victim lives' })).status).toBe(200);
  }
  async function share(caseId: string, agencyIds: string[]): Promise<void> {
    const current = await call<{ version: number }>(server, owner, 'GET', `/cases/${caseId}`);
    const res = await call(server, owner, 'PUT', `/cases/${caseId}/sharing`, {
      sharingLevel: agencyIds.length > 0 ? 'shared' : 'owner_agency', agencyIds, teamIds: [], userIds: [], hiddenFromSearch: false,
      expectedVersion: current.body.version,
    });
    expect(res.status).toBe(200);
  }

  it('gives a partner who sees a case at a location the address and the link, and an agency with no access neither', async () => {
    const caseId = (await buildCase(server.db, { ownerAgencyId: police, sharingLevel: 'shared', sharedAgencyIds: [council] })).id;
    const start = await cursors();
    const locationId = await createLocation(ADDRESS.addressLine);
    await link(caseId, locationId);

    const seen = (await pullAll(partner, start.partner)).page;
    expect(dataOf(seen, 'location')).toEqual([{
      id: locationId, ...ADDRESS, uprn: null, latitude: null, longitude: null, ownerAgencyId: police,
      createdAt: expect.any(String) as string, updatedAt: expect.any(String) as string, version: 1,
      // A partner sees the address but only the owner agency may change it.
      abilities: { update: false },
    }]);
    expect(dataOf(seen, 'case_location')).toEqual([{
      id: expect.any(String) as string, caseId, locationId, description: 'Where the victim lives', createdAt: expect.any(String) as string,
    }]);
    const own = (await pullAll(owner, start.owner)).page;
    expect(dataOf(own, 'location').map((l) => l.abilities)).toEqual([{ update: true }]);

    const unseen = (await pullAll(outsider, start.outsider)).page;
    expect(ids(unseen, 'location')).toEqual([]);
    expect(ids(unseen, 'case_location')).toEqual([]);
    expect(JSON.stringify(unseen)).not.toContain('Quillonbury');

    // A later change of the address reaches the partner, and still not the outsider.
    const before = await cursors();
    const patched = await call(server, owner, 'PATCH', `/locations/${locationId}`, { expectedVersion: 1, addressLine: 'Flat 8, Quillonbury Court' });
    expect(patched.status).toBe(200);
    const moved = (await pullAll(partner, before.partner)).page;
    expect(dataOf(moved, 'location').map((l) => l.addressLine)).toEqual(['Flat 8, Quillonbury Court']);
    expect(JSON.stringify((await pullAll(outsider, before.outsider)).page)).not.toContain('Quillonbury');
  });

  it('refuses to link a location the caller cannot see, like an unknown one, and logs nothing', async () => {
    const caseId = (await buildCase(server.db, { ownerAgencyId: police })).id;
    const hidden = await buildLocation(server.db, { ownerAgencyId: housing, addressLine: '3 Hidden Mews' });
    const start = await cursors();
    const res = await call<{ error: { code: string } }>(server, owner, 'POST', `/cases/${caseId}/locations`, { locationId: hidden, description: 'Guessed id' });
    expect([res.status, res.body.error.code]).toEqual([400, 'validation_error']);
    expect(await server.db.selectFrom('case_locations').select('id').where('location_id', '=', hidden).execute()).toEqual([]);
    const after = await pullAll(owner, start.owner);
    expect(after.cursor).toBe(start.owner);
    expect(JSON.stringify(after.page)).not.toContain('Hidden Mews');
  });

  it('sends a newly shared case with its locations and the markers on them, logged long before the cursor', async () => {
    const caseId = (await buildCase(server.db, { ownerAgencyId: police })).id;
    const locationId = await createLocation('2 Gainsworth Row');
    await link(caseId, locationId);
    const marker = await call<{ id: string }>(server, owner, 'POST', '/markers', {
      subjectType: 'location', subjectId: locationId, markerType: 'violence', description: 'Dog on premises', reviewDate: '2027-01-01',
    });
    expect(marker.status).toBe(200);
    const start = await cursors();
    await share(caseId, [council]);
    const gained = (await pullAll(partner, start.partner)).page;
    expect(ids(gained, 'case')).toEqual([caseId]);
    expect(ids(gained, 'location')).toEqual([locationId]);
    expect(dataOf(gained, 'case_location').map((l) => l.locationId)).toEqual([locationId]);
    expect(ids(gained, 'marker')).toEqual([marker.body.id]);
    expect(JSON.stringify((await pullAll(outsider, start.outsider)).page)).not.toContain('Gainsworth');
  });

  it('after the case is unshared, tells the partner to remove the locations they can no longer see, and keeps one still at a shared case', async () => {
    const caseId = (await buildCase(server.db, { ownerAgencyId: police, sharingLevel: 'shared', sharedAgencyIds: [council] })).id;
    const keptCaseId = (await buildCase(server.db, { ownerAgencyId: police, sharingLevel: 'shared', sharedAgencyIds: [council] })).id;
    const lostLocation = await createLocation('9 Revokeham Terrace');
    const keptLocation = await createLocation('11 Stillshared Lane');
    await link(caseId, lostLocation);
    await link(caseId, keptLocation);
    await link(keptCaseId, keptLocation);
    const held = await pullAll(partner);
    expect(ids(held.page, 'location')).toEqual(expect.arrayContaining([lostLocation, keptLocation]));
    const start = await cursors();

    await share(caseId, []);
    const lost = (await pullAll(partner, held.cursor)).page;
    expect(lost.removals).toEqual(expect.arrayContaining([{ entity: 'case', id: caseId }, { entity: 'location', id: lostLocation }]));
    expect(lost.removals).not.toContainEqual({ entity: 'location', id: keptLocation });
    expect(ids(lost, 'location')).not.toContain(lostLocation);
    expect(JSON.stringify(lost)).not.toContain('Revokeham');
    // The owner agency keeps its address; the outsider never had it and gets nothing of it.
    const own = (await pullAll(owner, start.owner)).page;
    expect(own.removals).not.toContainEqual({ entity: 'location', id: lostLocation });
    expect(JSON.stringify((await pullAll(outsider, start.outsider)).page)).not.toContain('Revokeham');
  });
});
