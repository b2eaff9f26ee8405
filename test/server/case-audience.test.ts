/**
 * The case list's audience rows (docs/access.md): the differential check catches one corrupted
 * row either way, the list never shows a case a stale row admits (nor one a grant row names
 * without a grant in force), and every write path that changes who sees a case keeps the rows
 * equal to the pure policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import type { SharingLevel } from '../../domain/vocabulary.ts';
import { refreshCaseAudience } from '../../server/access/case-audience.ts';
import { listCases } from '../../server/cases/case-list.ts';
import { audienceMismatches, policyVisibleCases } from '../property/case-audience-check.ts';
import { buildThreeAgencyWorld, call, type WorldUser } from '../support/case-factories.ts';
import { buildCase } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe.each(testDialects())('case audience rows on %s', (dialect) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof buildThreeAgencyWorld>>;
  const cases: Record<string, string> = {};
  const at = () => new Date().toISOString();
  const everyone = (): WorldUser[] => Object.values(world.users).flatMap((u) => [u.a, u.b, u.manager]);
  const policyUser = (u: WorldUser): PolicyUser => ({ id: u.id, agencyId: u.agencyId, teamIds: u.teamIds, role: u.role });
  const users = () => everyone().map(policyUser);

  beforeAll(async () => {
    server = await startTestServer(dialect);
    world = await buildThreeAgencyWorld(server);
    for (const owner of ['police', 'housing'] as const) {
      const base = { ownerAgencyId: world.agencies[owner], ownerTeamId: world.teams[owner][0], ownerUserId: world.users[owner].a.id };
      for (const level of ['owner_only', 'owner_team', 'owner_agency', 'shared'] as SharingLevel[]) {
        const c = await buildCase(server.db, {
          ...base, sharingLevel: level, title: `${owner} ${level}`,
          ...(level === 'shared' ? { sharedAgencyIds: [world.agencies.council], sharedTeamIds: [world.teams.police[1]], sharedUserIds: [world.users.police.manager.id] } : {}),
        });
        cases[`${owner} ${level}`] = c.id;
      }
    }
  });
  afterAll(() => server.stop());

  it('agree with the pure policy for every user once the cases are written', async () => {
    expect(await audienceMismatches(server.db, users(), at())).toEqual([]);
    // Not vacuous: the world holds cases some see and some do not.
    expect((await policyVisibleCases(server.db, policyUser(world.users.police.a), at())).length).toBeGreaterThan(0);
  });

  it('fail the differential check when one row adds a principal, and the list still never shows that case', async () => {
    const intruder = world.users.council.b;
    const hidden = cases['housing owner_only']!;
    await server.db.insertInto('case_audience').values({ principal: `u:${intruder.id}`, case_id: hidden, updated_at: '2026-11-01T09:00:00.000Z' }).execute();
    try {
      expect(await audienceMismatches(server.db, users(), at())).toEqual([{ user: intruder.id, missing: [], extra: [hidden], misordered: false }]);
      // Defence in depth: the list re-checks every row with the pure policy, drops it and says so.
      const refused: string[] = [];
      const page = await listCases(server.db, policyUser(intruder), at(), { limit: 100 }, (id) => refused.push(id));
      expect(page.cases.map((c) => c.id)).not.toContain(hidden);
      expect(refused).toEqual([hidden]);
      const res = await call<{ cases: Array<{ id: string }> }>(server, intruder, 'GET', '/cases?limit=100');
      expect(res.body.cases.map((c) => c.id)).not.toContain(hidden);
    } finally {
      await server.db.deleteFrom('case_audience').where('principal', '=', `u:${intruder.id}`).execute();
    }
    expect(await audienceMismatches(server.db, users(), at())).toEqual([]);
  });

  it('fail the differential check when one row is deleted, and a refresh puts it back', async () => {
    const caseId = cases['police owner_agency']!;
    await server.db.deleteFrom('case_audience').where('case_id', '=', caseId).where('principal', '=', `a:${world.agencies.police}`).execute();
    const police = Object.values(world.users.police).map((u) => u.id).sort();
    const found = await audienceMismatches(server.db, users(), at());
    expect(found.map((m) => m.user).sort()).toEqual(police);
    expect(found.every((m) => m.extra.length === 0 && !m.misordered && m.missing.length === 1 && m.missing[0] === caseId)).toBe(true);
    await server.db.transaction().execute((trx) => refreshCaseAudience(trx, [caseId]));
    expect(await audienceMismatches(server.db, users(), at())).toEqual([]);
  });

  it('list a granted case through the holder\'s grant row, which fails the check when deleted and admits nothing without a grant in force', async () => {
    const holder = world.users.council.a;
    const granted = cases['housing owner_agency']!;
    const asked = await call<{ id: string }>(server, holder, 'POST', '/access-requests', {
      resourceType: 'case', resourceId: granted, reason: 'Working with the family on housing; need the case history.',
    });
    expect(asked.status).toBe(200);
    const approved = await call(server, world.users.housing.manager, 'POST', `/access-requests/${asked.body.id}/approve`, {
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), note: 'For this week', expectedVersion: 1,
    });
    expect(approved.status).toBe(200);
    expect(await policyVisibleCases(server.db, policyUser(holder), at())).toContain(granted);
    expect(await audienceMismatches(server.db, users(), at())).toEqual([]);

    const grantRow = { principal: `g:${holder.id}`, case_id: granted };
    await server.db.deleteFrom('case_audience').where('principal', '=', grantRow.principal).where('case_id', '=', granted).execute();
    expect(await audienceMismatches(server.db, users(), at())).toEqual([{ user: holder.id, missing: [granted], extra: [], misordered: false }]);
    await server.db.transaction().execute((trx) => refreshCaseAudience(trx, [granted]));
    expect(await audienceMismatches(server.db, users(), at())).toEqual([]);

    // A grant row for someone who holds no grant (a stale or forged row) lists nothing: the grant is checked as the list reads.
    const stranger = world.users.police.b;
    await server.db.insertInto('case_audience').values({ principal: `g:${stranger.id}`, case_id: granted, updated_at: '2026-11-01T09:00:00.000Z' }).execute();
    try {
      expect(await audienceMismatches(server.db, users(), at())).toEqual([]);
      const res = await call<{ cases: Array<{ id: string }> }>(server, stranger, 'GET', '/cases?limit=100');
      expect(res.body.cases.map((c) => c.id)).not.toContain(granted);
    } finally {
      await server.db.deleteFrom('case_audience').where('principal', '=', `g:${stranger.id}`).execute();
    }
  });

  it('stay equal to the pure policy through create, edit, sharing, unsharing and transfer by the real services', async () => {
    const owner = world.users.police.a;
    const agree = async (step: string) => {
      expect(await audienceMismatches(server.db, users(), at()), step).toEqual([]);
      // And the API's list, page by page, for everyone.
      for (const u of everyone()) {
        const res = await call<{ cases: Array<{ id: string }> }>(server, u, 'GET', '/cases?limit=200');
        expect(res.body.cases.map((c) => c.id).sort(), `${step}: GET /cases as ${u.id}`).toEqual(await policyVisibleCases(server.db, policyUser(u), at()));
      }
    };
    const created = await call<{ id: string; version: number }>(server, owner, 'POST', '/cases', {
      title: 'Audience write paths', caseType: 'asb', sharingLevel: 'owner_only', ownerTeamId: world.teams.police[0],
    });
    expect(created.status).toBe(200);
    const id = created.body.id;
    let version = created.body.version;
    await agree('created owner-only');
    const share = async (by: WorldUser, body: object, step: string) => {
      const res = await call<{ version: number }>(server, by, 'PUT', `/cases/${id}/sharing`, { hiddenFromSearch: false, expectedVersion: version, ...body });
      expect(res.status, step).toBe(200);
      version = res.body.version;
      await agree(step);
    };
    await share(owner, { sharingLevel: 'owner_team' }, 'owner team');
    await share(owner, { sharingLevel: 'owner_agency' }, 'owner agency');
    await share(owner, { sharingLevel: 'shared', agencyIds: [world.agencies.council], teamIds: [world.teams.housing[1]], userIds: [world.users.housing.a.id] }, 'shared by name');
    await share(owner, { sharingLevel: 'shared', agencyIds: [], teamIds: [world.teams.housing[0]], userIds: [] }, 'shares narrowed');
    const edited = await call<{ version: number; updatedAt: string }>(server, owner, 'PATCH', `/cases/${id}`, { title: 'Audience write paths, edited' });
    expect(edited.status).toBe(200);
    version = edited.body.version;
    const row = await server.db.selectFrom('case_audience').select('updated_at').where('case_id', '=', id).execute();
    expect(new Set(row.map((r) => r.updated_at))).toEqual(new Set([edited.body.updatedAt]));
    await agree('edited (updated_at moved)');
    await share(owner, { sharingLevel: 'owner_only' }, 'back to owner only');
    const transferred = await call<{ version: number }>(server, world.users.police.manager, 'POST', `/cases/${id}/transfer`, {
      toAgencyId: world.agencies.housing, toTeamId: world.teams.housing[0], expectedVersion: version,
    });
    expect(transferred.status).toBe(200);
    version = transferred.body.version;
    await agree('transferred to housing team A (owner user cleared; its manager sees it)');
    await share(world.users.housing.manager, { sharingLevel: 'owner_team' }, 'housing owner team');
  });
});
