import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildThreeAgencyWorld, call } from '../support/case-factories.ts';
import { buildCase } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

interface Marker { id: string; markerType: string; active: boolean; abilities: { update: boolean } }

describe.each(testDialects())('markers on %s', (dialect) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof buildThreeAgencyWorld>>;
  let person: string;
  let caseId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => new Date('2026-11-10T12:00:00.000Z') });
    world = await buildThreeAgencyWorld(server);
    person = await buildPerson(server.db, { ownerAgencyId: world.agencies.police });
    // A council case only its owner sees: the council is involved with the person, council user B cannot see the case.
    caseId = (await buildCase(server.db, {
      ownerAgencyId: world.agencies.council, ownerTeamId: world.teams.council[0], ownerUserId: world.users.council.a.id, sharingLevel: 'owner_only',
    })).id;
    await server.db.insertInto('case_subjects').values({
      id: crypto.randomUUID(), case_id: caseId, person_id: person, role: 'perpetrator', created_at: '2026-11-01T00:00:00.000Z',
    }).execute();
  });
  afterAll(() => server.stop());

  it('a staff-safety marker on a person reaches an involved agency that cannot see the case; other markers do not', async () => {
    const police = world.users.police.a;
    for (const markerType of ['staff_safety', 'drugs']) {
      const res = await call(server, police, 'POST', '/markers', {
        subjectType: 'person', subjectId: person, markerType, description: 'Synthetic warning', reviewDate: '2027-01-01',
      });
      expect(res.status).toBe(200);
    }
    const councilB = world.users.council.b;
    expect((await call(server, councilB, 'GET', `/cases/${caseId}`)).status).toBe(404);
    const involved = await call<{ markers: Marker[] }>(server, councilB, 'GET', `/markers?subjectType=person&subjectId=${person}`);
    expect(involved.body.markers.map((m) => m.markerType)).toEqual(['staff_safety']);
    expect(involved.body.markers[0]!.abilities.update).toBe(false);
    const owner = await call<{ markers: Marker[] }>(server, world.users.council.a, 'GET', `/markers?subjectType=person&subjectId=${person}`);
    expect(owner.body.markers.map((m) => m.markerType).sort()).toEqual(['drugs', 'staff_safety']);
    const outsider = await call<{ markers: Marker[] }>(server, world.users.housing.a, 'GET', `/markers?subjectType=person&subjectId=${person}`);
    expect(outsider.body.markers).toEqual([]);
  });

  it('shows active markers as a banner on the case and hides expired ones unless asked', async () => {
    const police = world.users.council.a;
    const expired = await call<Marker>(server, police, 'POST', '/markers', {
      subjectType: 'case', subjectId: caseId, markerType: 'weapons', description: 'Synthetic', reviewDate: '2026-12-01', expiresAt: '2026-11-01T00:00:00.000Z',
    });
    expect(expired.body.active).toBe(false);
    const detail = await call<{ markers: Marker[] }>(server, police, 'GET', `/cases/${caseId}`);
    expect(detail.body.markers.map((m) => m.markerType).sort()).toEqual(['drugs', 'staff_safety']);
    const all = await call<{ markers: Marker[] }>(server, police, 'GET', `/markers?subjectType=case&subjectId=${caseId}&includeExpired=true`);
    expect(all.body.markers.map((m) => m.id)).toEqual([expired.body.id]);
  });

  it('only the owner agency changes a marker; a marker on an unseen subject is refused', async () => {
    const police = world.users.police.a;
    const m = await call<Marker>(server, police, 'POST', '/markers', {
      subjectType: 'person', subjectId: person, markerType: 'staff_safety', description: 'Synthetic', reviewDate: '2027-01-01',
    });
    expect((await call(server, world.users.council.b, 'PATCH', `/markers/${m.body.id}`, { description: 'changed' })).status).toBe(403);
    expect((await call<Marker>(server, police, 'PATCH', `/markers/${m.body.id}`, { description: 'changed' })).status).toBe(200);
    expect((await call(server, world.users.housing.b, 'POST', '/markers', {
      subjectType: 'case', subjectId: caseId, markerType: 'other', description: 'x', reviewDate: '2027-01-01',
    })).status).toBe(404);
  });
});
