import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse, PushResponse } from '../../domain/http/sync-schemas.ts';
import { newId } from '../../domain/ids.ts';
import { buildPerson, buildThreeAgencyWorld, call, type WorldUser } from '../support/case-factories.ts';
import { buildCase } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

interface Marker { id: string; markerType: string; description: string; reviewDate: string; expiresAt: string | null; active: boolean; version: number }

// marker.create and marker.update pushed from a desktop's outbox: the same rules as the HTTP routes, applied at push time.
describe.each(testDialects())('marker sync mutations on %s', (dialect) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof buildThreeAgencyWorld>>;
  let person: string;
  let caseId: string;
  let nextMutation = 1;

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => new Date('2026-11-10T12:00:00.000Z') });
    world = await buildThreeAgencyWorld(server);
    person = await buildPerson(server.db, { ownerAgencyId: world.agencies.police });
    caseId = (await buildCase(server.db, {
      ownerAgencyId: world.agencies.police, ownerTeamId: world.teams.police[0], ownerUserId: world.users.police.a.id, sharingLevel: 'owner_agency',
    })).id;
    await server.db.insertInto('case_subjects').values({
      id: crypto.randomUUID(), case_id: caseId, person_id: person, role: 'perpetrator', created_at: '2026-11-01T00:00:00.000Z',
    }).execute();
  });
  afterAll(() => server.stop());

  async function push(user: WorldUser, name: string, args: object) {
    const res = await call<PushResponse>(server, user, 'POST', '/sync/push', { clientId: `client-${user.id}`, mutations: [{ mutationId: nextMutation++, name, args }] });
    expect(res.status).toBe(200);
    return res.body.results[0]!;
  }
  const markerOn = async (user: WorldUser, id: string) =>
    (await call<{ markers: Marker[] }>(server, user, 'GET', `/markers?subjectType=person&subjectId=${person}&includeExpired=true`)).body.markers.find((m) => m.id === id);

  it('places a marker with the client-made id, then edits, reviews and expires it', async () => {
    const police = world.users.police.a;
    const markerId = newId();
    const created = await push(police, 'marker.create', {
      markerId, subjectType: 'person', subjectId: person, markerType: 'staff_safety', description: 'Threatened staff at the door', reviewDate: '2026-12-01',
    });
    expect(created.status).toBe('applied');
    expect(await markerOn(police, markerId)).toMatchObject({ markerType: 'staff_safety', description: 'Threatened staff at the door', active: true, version: 1 });

    expect((await push(police, 'marker.update', { markerId, description: 'Threatened staff; visit in pairs', reviewDate: '2027-03-01' })).status).toBe('applied');
    expect(await markerOn(police, markerId)).toMatchObject({ description: 'Threatened staff; visit in pairs', reviewDate: '2027-03-01', version: 2 });

    // Expired now (the server's clock): it leaves the banner but stays on record.
    expect((await push(police, 'marker.update', { markerId, expiresAt: '2026-11-10T12:00:00.000Z' })).status).toBe('applied');
    expect(await markerOn(police, markerId)).toMatchObject({ active: false, version: 3 });
    const banner = await call<{ markers: Marker[] }>(server, police, 'GET', `/markers?subjectType=person&subjectId=${person}`);
    expect(banner.body.markers.map((m) => m.id)).not.toContain(markerId);

    // The pull carries the owner's ability to change it.
    const pull = await call<PullResponse>(server, police, 'GET', '/sync/pull?limit=1000');
    const change = pull.body.changes.find((c) => c.entity === 'marker' && c.data.id === markerId);
    expect(change?.data).toMatchObject({ abilities: { update: true } });
  });

  it('refuses a change by another agency, a marker on a subject the user cannot see, a twin id and an empty change, changing nothing', async () => {
    const police = world.users.police.a;
    const markerId = newId();
    expect((await push(police, 'marker.create', {
      markerId, subjectType: 'case', subjectId: caseId, markerType: 'violence', description: 'Synthetic', reviewDate: '2027-01-01',
    })).status).toBe('applied');

    const council = world.users.council.a;
    const other = await push(council, 'marker.update', { markerId, expiresAt: '2026-11-10T12:00:00.000Z' });
    // The council cannot see this police-only case's marker at all.
    expect(other).toMatchObject({ status: 'rejected', error: { code: 'not_found' } });
    const unseen = await push(council, 'marker.create', {
      markerId: newId(), subjectType: 'case', subjectId: caseId, markerType: 'other', description: 'x', reviewDate: '2027-01-01',
    });
    expect(unseen).toMatchObject({ status: 'rejected', error: { code: 'not_found' } });
    const twin = await push(police, 'marker.create', {
      markerId, subjectType: 'case', subjectId: caseId, markerType: 'weapons', description: 'Twin', reviewDate: '2027-01-01',
    });
    expect(twin).toMatchObject({ status: 'rejected', error: { code: 'conflict' } });
    expect(await push(police, 'marker.update', { markerId })).toMatchObject({ status: 'rejected', error: { code: 'validation_error' } });

    const all = await call<{ markers: Marker[] }>(server, police, 'GET', `/markers?subjectType=case&subjectId=${caseId}&includeExpired=true`);
    expect(all.body.markers).toEqual([expect.objectContaining({ id: markerId, markerType: 'violence', description: 'Synthetic', version: 1, active: true })]);
  });

  it('refuses a change by an agency that sees the marker but did not place it', async () => {
    const police = world.users.police.a;
    const markerId = newId();
    // A staff-safety marker reaches every agency involved with the person: the council places a case on them.
    const councilCase = (await buildCase(server.db, {
      ownerAgencyId: world.agencies.council, ownerTeamId: world.teams.council[0], ownerUserId: world.users.council.a.id, sharingLevel: 'owner_agency',
    })).id;
    await server.db.insertInto('case_subjects').values({
      id: crypto.randomUUID(), case_id: councilCase, person_id: person, role: 'victim', created_at: '2026-11-02T00:00:00.000Z',
    }).execute();
    expect((await push(police, 'marker.create', {
      markerId, subjectType: 'person', subjectId: person, markerType: 'staff_safety', description: 'Dog at the address', reviewDate: '2027-01-01',
    })).status).toBe('applied');
    const council = world.users.council.a;
    expect(await markerOn(council, markerId)).toMatchObject({ description: 'Dog at the address' });
    const refused = await push(council, 'marker.update', { markerId, description: 'Changed by the council' });
    expect(refused).toMatchObject({ status: 'rejected', error: { code: 'authorization_error' } });
    expect(await markerOn(police, markerId)).toMatchObject({ description: 'Dog at the address', version: 1 });
    const pull = await call<PullResponse>(server, council, 'GET', '/sync/pull?limit=1000');
    expect(pull.body.changes.find((c) => c.entity === 'marker' && c.data.id === markerId)?.data).toMatchObject({ abilities: { update: false } });
  });
});
