/**
 * A staff-safety warning reaches an agency as soon as it becomes involved with the person, even when
 * the user cannot see the case that made it involved: here a police case is transferred to the
 * council as owner-only in council team A, and council user B (team B) must receive the person's
 * staff-safety marker at the next pull — and nothing else of the case. Found by the sync-history
 * property test (a transfer opened a warning that no pull ever delivered).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../domain/http/sync-schemas.ts';
import { buildPerson, buildThreeAgencyWorld, call, type WorldUser } from '../support/case-factories.ts';
import { buildCase } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe.each(testDialects())('staff-safety markers follow agency involvement in sync on %s', (dialect) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof buildThreeAgencyWorld>>;

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => new Date('2026-11-10T12:00:00.000Z') });
    world = await buildThreeAgencyWorld(server);
  });
  afterAll(() => server.stop());

  async function pullFrom(user: WorldUser, cursor: string): Promise<PullResponse> {
    let page: PullResponse;
    const changes: PullResponse['changes'] = [];
    const removals: PullResponse['removals'] = [];
    do {
      const res = await call<PullResponse>(server, user, 'GET', `/sync/pull?cursor=${cursor}&limit=500`);
      expect(res.status).toBe(200);
      page = res.body;
      changes.push(...page.changes);
      removals.push(...page.removals);
      cursor = page.cursor;
    } while (page.hasMore);
    return { ...page, changes, removals };
  }

  it('a case transferred to my agency that I cannot see still brings its person\u2019s staff-safety marker, and only that', async () => {
    const police = world.users.police.a;
    const councilB = world.users.council.b;
    const person = await buildPerson(server.db, { ownerAgencyId: world.agencies.police });
    const c = await buildCase(server.db, { ownerAgencyId: world.agencies.police, ownerTeamId: world.teams.police[0], ownerUserId: police.id, sharingLevel: 'owner_only' });
    expect((await call(server, police, 'POST', `/cases/${c.id}/subjects`, { personId: person, role: 'perpetrator' })).status).toBe(200);
    const markers: Record<string, string> = {};
    for (const markerType of ['staff_safety', 'vulnerability']) {
      const res = await call<{ id: string }>(server, police, 'POST', '/markers', {
        subjectType: 'person', subjectId: person, markerType, description: 'Synthetic warning', reviewDate: '2027-01-01',
      });
      expect(res.status).toBe(200);
      markers[markerType] = res.body.id;
    }
    const before = await pullFrom(councilB, '0');
    expect(before.changes.filter((x) => x.entity === 'marker').map((x) => x.data.id)).not.toContain(markers.staff_safety);

    const version = (await call<{ version: number }>(server, police, 'GET', `/cases/${c.id}`)).body.version;
    expect((await call(server, police, 'POST', `/cases/${c.id}/transfer`, { toAgencyId: world.agencies.council, toTeamId: world.teams.council[0], expectedVersion: version })).status).toBe(200);
    expect((await call(server, councilB, 'GET', `/cases/${c.id}`)).status).toBe(404);

    const after = await pullFrom(councilB, before.cursor);
    const named = after.changes.map((x) => `${x.entity}:${x.data.id}`);
    expect(named).toContain(`marker:${markers.staff_safety}`);
    expect(named).not.toContain(`marker:${markers.vulnerability}`);
    expect(named).not.toContain(`case:${c.id}`);
  });
});
