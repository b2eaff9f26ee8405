import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { addCaseLocation, buildLocation, signIn } from '../support/person-factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { auditDetails } from '../support/audit-details.ts';

type Location = { id: string; postcode: string; version: number; addressLine: string; abilities: { update: boolean } };
type Client = Awaited<ReturnType<typeof signIn>>;

describe.each(testDialects())('locations on %s', (dialect) => {
  let server: TestServer;
  let council: Client;
  let police: Client;
  let housing: Client;
  let dataOfficer: Client;
  let sharedLocation: string;
  let privateLocation: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const db = server.db;
    const councilId = await buildAgency(db, { name: 'Council' });
    const policeId = await buildAgency(db, { name: 'Police', kind: 'police' });
    const housingId = await buildAgency(db, { name: 'Housing', kind: 'housing' });
    council = await signIn(server, await buildUser(db, { agencyId: councilId }));
    police = await signIn(server, await buildUser(db, { agencyId: policeId }));
    housing = await signIn(server, await buildUser(db, { agencyId: housingId }));
    dataOfficer = await signIn(server, await buildUser(db, { agencyId: councilId, role: 'data_officer' }));
    sharedLocation = await buildLocation(db, { ownerAgencyId: councilId, addressLine: '12 Shared Road', postcode: 'EX1 2AB' });
    const sharedCase = await buildCase(db, { ownerAgencyId: councilId, sharingLevel: 'shared', sharedAgencyIds: [policeId] });
    await addCaseLocation(db, sharedCase.id, sharedLocation);
    privateLocation = await buildLocation(db, { ownerAgencyId: councilId, addressLine: '14 Private Road', postcode: 'EX1 2AD' });
    await addCaseLocation(db, (await buildCase(db, { ownerAgencyId: councilId })).id, privateLocation);
  });
  afterAll(() => server.stop());

  it('creates a location owned by the caller, normalising the postcode, and records change and audit', async () => {
    const res = await housing('POST', '/locations', { addressLine: 'Flat 3, 9 New Street', town: 'Exampleton', postcode: 'ex9 9zz', uprn: '100012345678' });
    expect(res.statusCode).toBe(200);
    const location = res.json<Location>();
    expect(location).toMatchObject({ postcode: 'EX9 9ZZ', version: 1, abilities: { update: true } });
    const changes = await server.db.selectFrom('change_log').select(['entity', 'op']).where('entity_id', '=', location.id).execute();
    expect(changes).toEqual([{ entity: 'location', op: 'upsert' }]);
    const audit = await server.db.selectFrom('audit_events').select('action').where('entity_id', '=', location.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['record.create']);
    expect((await housing('POST', '/locations', { addressLine: 'x', town: 'y', postcode: 'NOT A CODE' })).statusCode).toBe(400);
    expect((await dataOfficer('POST', '/locations', { addressLine: 'x', town: 'y', postcode: 'EX1 1AA' })).statusCode).toBe(403);
  });

  it('shows a location to its owner and to anyone who sees a case at it, and 404s everyone else', async () => {
    expect((await council('GET', `/locations/${privateLocation}`)).statusCode).toBe(200);
    const viaCase = await police('GET', `/locations/${sharedLocation}`);
    expect(viaCase.statusCode).toBe(200);
    expect(viaCase.json<Location>().abilities.update).toBe(false);
    expect((await police('GET', `/locations/${privateLocation}`)).statusCode).toBe(404);
    expect((await housing('GET', `/locations/${sharedLocation}`)).statusCode).toBe(404);
    expect((await dataOfficer('GET', `/locations/${privateLocation}`)).statusCode).toBe(404);
    const views = await server.db.selectFrom('audit_events').select('outcome').where('action', '=', 'record.view')
      .where('entity_id', '=', privateLocation).orderBy('seq').execute();
    expect(views.map((v) => v.outcome)).toEqual(['success', 'denied', 'denied']);
  });

  it('searches visible locations by postcode or address and audits the terms', async () => {
    const byPostcode = (await police('GET', '/locations/search?q=ex12')).json<{ results: Location[] }>().results;
    expect(byPostcode.map((l) => l.id)).toEqual([sharedLocation]);
    const byAddress = (await council('GET', '/locations/search?q=road')).json<{ results: Location[] }>().results;
    expect(byAddress.map((l) => l.id).sort()).toEqual([sharedLocation, privateLocation].sort());
    expect((await housing('GET', '/locations/search?q=road')).json<{ results: Location[] }>().results).toEqual([]);
    expect((await council('GET', '/locations/search?q=%25%25')).json<{ results: Location[] }>().results).toEqual([]);
    const audit = await server.db.selectFrom('audit_events').select(['seq', 'details']).where('action', '=', 'record.search').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(await auditDetails(server.db, audit)).toMatchObject({ terms: { q: '%%' } });
  });

  it('lets only the owner agency change a location, compare-and-set on the version', async () => {
    expect((await police('PATCH', `/locations/${sharedLocation}`, { expectedVersion: 1, addressLine: 'X' })).statusCode).toBe(403);
    expect((await housing('PATCH', `/locations/${sharedLocation}`, { expectedVersion: 1, addressLine: 'X' })).statusCode).toBe(404);
    const ok = await council('PATCH', `/locations/${sharedLocation}`, { expectedVersion: 1, addressLine: '12a Shared Road' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<Location>()).toMatchObject({ addressLine: '12a Shared Road', version: 2 });
    const stale = await council('PATCH', `/locations/${sharedLocation}`, { expectedVersion: 1, addressLine: 'Lost update' });
    expect(stale.statusCode).toBe(409);
    expect((await council('PATCH', `/locations/${sharedLocation}`, { expectedVersion: 2, postcode: 'nope' })).statusCode).toBe(400);
    const row = await server.db.selectFrom('locations').select(['address_line', 'version']).where('id', '=', sharedLocation).executeTakeFirstOrThrow();
    expect(row).toEqual({ address_line: '12a Shared Road', version: 2 });
    const audit = await server.db.selectFrom('audit_events').select(['seq', 'details']).where('action', '=', 'record.update').where('entity_id', '=', sharedLocation).executeTakeFirstOrThrow();
    expect(await auditDetails(server.db, audit)).toEqual({ changes: { addressLine: ['12 Shared Road', '12a Shared Road'] } });
    // The address is kept apart from the hashed event, so an erasure can remove it (docs/audit.md).
    expect(audit.details).not.toContain('Shared Road');
  });
});
