import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../domain/http/sync-schemas.ts';
import { newId } from '../../domain/ids.ts';
import { buildAgency, buildCase, buildTeam, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe.each(testDialects())('location.create and case.addLocation pushed on %s', (dialect) => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  let police = '';
  let caseId = '';

  async function login(username: string, password: string): Promise<string> {
    const res = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username, password } });
    return res.json<{ accessToken: string }>().accessToken;
  }

  beforeAll(async () => {
    server = await startTestServer(dialect);
    police = await buildAgency(server.db, { kind: 'police', name: 'Police' });
    const council = await buildAgency(server.db, { name: 'Council' });
    const policeTeam = await buildTeam(server.db, police, 'PPU');
    const pc = await buildUser(server.db, { agencyId: police, teamIds: [policeTeam] });
    const officer = await buildUser(server.db, { agencyId: council, teamIds: [await buildTeam(server.db, council, 'Housing')] });
    tokens.pc = await login(pc.username, pc.password);
    tokens.officer = await login(officer.username, officer.password);
    caseId = (await buildCase(server.db, { ownerAgencyId: police, ownerTeamId: policeTeam, sharingLevel: 'shared', sharedAgencyIds: [council] })).id;
  });
  afterAll(() => server.stop());

  async function push(who: string, clientId: string, mutations: object[]) {
    const res = await server.app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${tokens[who]}` }, payload: { clientId, mutations } });
    return res.json<PushResponse>().results;
  }
  const place = (mutationId: number, locationId: string) => ({
    mutationId, name: 'location.create', args: { locationId, addressLine: '12 Marram Court', town: 'Riverton', postcode: 'rv2 9mc' },
  });
  const link = (mutationId: number, caseLocationId: string, locationId: string) => ({
    mutationId, name: 'case.addLocation', args: { caseLocationId, caseId, locationId, description: 'Home address of the victim' },
  });
  const caseLocations = () => server.db.selectFrom('case_locations').select(['id', 'location_id', 'description']).where('case_id', '=', caseId).execute();

  it('records the place with the client id, owned by the pusher\'s agency, and puts it on the case with the client id for the link', async () => {
    const locationId = newId();
    const caseLocationId = newId();
    const results = await push('pc', 'places-1', [place(1, locationId), link(2, caseLocationId, locationId)]);
    expect(results).toEqual([{ mutationId: 1, status: 'applied' }, { mutationId: 2, status: 'applied' }]);
    expect(await server.db.selectFrom('locations').select(['postcode', 'owner_agency_id']).where('id', '=', locationId).execute())
      .toEqual([{ postcode: 'RV2 9MC', owner_agency_id: police }]);
    expect(await caseLocations()).toEqual([{ id: caseLocationId, location_id: locationId, description: 'Home address of the victim' }]);
    // The same ids under new mutation ids are twins: refused, nothing more written.
    const twins = await push('pc', 'places-1', [place(3, locationId), link(4, caseLocationId, locationId)]);
    expect(twins.map((r) => [r.status, r.error?.code])).toEqual([['rejected', 'conflict'], ['rejected', 'conflict']]);
    expect(await caseLocations()).toHaveLength(1);
  });

  it('refuses a partner who may read the case but not update it, a place the pusher cannot see, and bad input, writing nothing', async () => {
    const before = await caseLocations();
    const ownPlace = newId();
    const unseen = newId();
    const results = await push('officer', 'places-2', [
      place(1, ownPlace),
      link(2, newId(), ownPlace),
      { mutationId: 3, name: 'case.addLocation', args: { caseLocationId: newId(), caseId, locationId: unseen, description: 'x' } },
      { mutationId: 4, name: 'location.create', args: { locationId: newId(), addressLine: '', town: 'Riverton', postcode: 'RV2 9MC' } },
    ]);
    expect(results.map((r) => [r.mutationId, r.status, r.error?.code])).toEqual([
      [1, 'applied', undefined], [2, 'rejected', 'authorization_error'], [3, 'rejected', 'authorization_error'], [4, 'rejected', 'validation_error'],
    ]);
    expect(await caseLocations()).toEqual(before);
  });
});
