import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshCaseAudience } from '../../server/access/case-audience.ts';
import { canSeeCase, type PolicyCase } from '../../domain/policy/case-policy.ts';
import type { SharingLevel } from '../../domain/vocabulary.ts';
import { buildThreeAgencyWorld, call, type WorldUser } from '../support/case-factories.ts';
import { buildCase } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { auditDetails } from '../support/audit-details.ts';

interface Listed { id: string; abilities: { read: boolean; update: boolean }; updatedAt: string }

describe.each(testDialects())('case list on %s', (dialect) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof buildThreeAgencyWorld>>;
  const cases: { id: string; policy: PolicyCase; title: string }[] = [];

  beforeAll(async () => {
    server = await startTestServer(dialect);
    world = await buildThreeAgencyWorld(server);
    const keys = ['police', 'council', 'housing'] as const;
    for (const [i, owner] of keys.entries()) {
      const other = keys[(i + 1) % 3]!;
      const third = keys[(i + 2) % 3]!;
      const base = { ownerAgencyId: world.agencies[owner], ownerTeamId: world.teams[owner][0], ownerUserId: world.users[owner].a.id };
      const variants: { level: SharingLevel; agencies?: string[]; teams?: string[]; users?: string[] }[] = [
        { level: 'owner_only' }, { level: 'owner_team' }, { level: 'owner_agency' },
        { level: 'shared', agencies: [world.agencies[other]] },
        { level: 'shared', teams: [world.teams[third][1]] },
        { level: 'shared', users: [world.users[other].b.id] },
      ];
      for (const v of variants) {
        const title = `Case ${owner} ${v.level} ${cases.length}`;
        const c = await buildCase(server.db, { ...base, title, sharingLevel: v.level, sharedAgencyIds: v.agencies ?? [], sharedTeamIds: v.teams ?? [], sharedUserIds: v.users ?? [] });
        cases.push({ id: c.id, title, policy: { ...base, sharingLevel: v.level, sharedAgencyIds: v.agencies ?? [], sharedTeamIds: v.teams ?? [], sharedUserIds: v.users ?? [] } });
      }
    }
  });
  afterAll(() => server.stop());

  const everyone = (): WorldUser[] => Object.values(world.users).flatMap((u) => [u.a, u.b, u.manager]);

  it('shows every user exactly the cases the pure policy lets them see, across all four sharing levels', async () => {
    for (const user of everyone()) {
      const res = await call<{ cases: Listed[]; nextCursor: string | null }>(server, user, 'GET', '/cases?limit=200');
      expect(res.status).toBe(200);
      const expected = cases.filter((c) => canSeeCase(user, c.policy)).map((c) => c.id).sort();
      expect(res.body.cases.map((c) => c.id).sort()).toEqual(expected);
      expect(res.body.cases.every((c) => c.abilities.read)).toBe(true);
      expect(res.body.nextCursor).toBeNull();
    }
  });

  it('pages in a stable order (updated_at desc, id) without gaps or repeats', async () => {
    const user = world.users.police.manager;
    const all = (await call<{ cases: Listed[] }>(server, user, 'GET', '/cases?limit=200')).body.cases.map((c) => c.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/cases?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { body: { cases: Listed[]; nextCursor: string | null } } = await call(server, user, 'GET', url);
      seen.push(...page.body.cases.map((c) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(all);
    expect(all.length).toBeGreaterThan(2);
  });

  it('pages a filtered list (the per-case filter) across pages in the unfiltered order, without gaps or repeats', async () => {
    const user = world.users.police.manager;
    const all = (await call<{ cases: Listed[] }>(server, user, 'GET', '/cases?limit=200')).body.cases.map((c) => c.id);
    const policeOwned = new Set(cases.filter((c) => c.policy.ownerAgencyId === world.agencies.police).map((c) => c.id));
    for (const [filter, expected] of [
      [`ownerAgencyId=${world.agencies.police}`, all.filter((id) => policeOwned.has(id))],
      ['status=open', all],
      [`q=${encodeURIComponent('case')}`, all],
    ] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/cases?${filter}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page: { status: number; body: { cases: Listed[]; nextCursor: string | null } } = await call(server, user, 'GET', url);
        expect(page.status).toBe(200);
        expect(page.body.cases.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.cases.map((c) => c.id));
        cursor = page.body.nextCursor;
      } while (cursor !== null);
      expect(seen).toEqual(expected);
      expect(expected.length).toBeGreaterThan(2);
    }
  });

  it('answers an unfiltered page from the audience rows and a filtered page from the per-case filter', async () => {
    const user = world.users.police.a;
    const target = cases.find((c) => c.policy.ownerAgencyId === world.agencies.police && c.policy.sharingLevel === 'owner_agency')!;
    const ids = async (url: string) => (await call<{ cases: Listed[] }>(server, user, 'GET', url)).body.cases.map((c) => c.id);
    expect(await ids('/cases?limit=200')).toContain(target.id);
    // Without its audience rows the case drops out of the audience walk only; a refresh puts them back.
    await server.db.deleteFrom('case_audience').where('case_id', '=', target.id).execute();
    try {
      expect(await ids('/cases?limit=200')).not.toContain(target.id);
      expect(await ids('/cases?limit=200&status=open')).toContain(target.id);
    } finally {
      await server.db.transaction().execute((trx) => refreshCaseAudience(trx, [target.id]));
    }
    expect(await ids('/cases?limit=200')).toContain(target.id);
  });

  it('filters by text on the title, by owner agency and by status, still only within what the user may see', async () => {
    const user = world.users.council.a;
    const q = await call<{ cases: Listed[] }>(server, user, 'GET', `/cases?q=${encodeURIComponent('police shared')}`);
    const expected = cases.filter((c) => c.title.includes('police shared') && canSeeCase(user, c.policy)).map((c) => c.id).sort();
    expect(q.body.cases.map((c) => c.id).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    const search = await server.db.selectFrom('audit_events').select(['seq', 'details']).where('action', '=', 'record.search').where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(await auditDetails(server.db, search)).toMatchObject({ terms: { q: 'police shared' } });
    const byOwner = await call<{ cases: Listed[] }>(server, user, 'GET', `/cases?ownerAgencyId=${world.agencies.housing}&status=open`);
    expect(byOwner.body.cases.map((c) => c.id).sort()).toEqual(
      cases.filter((c) => c.policy.ownerAgencyId === world.agencies.housing && canSeeCase(user, c.policy)).map((c) => c.id).sort(),
    );
    expect((await call(server, user, 'GET', '/cases?status=closed')).body).toEqual({ cases: [], nextCursor: null });
  });

  it('gives each case\'s named shares in id order, whatever order they were written in, in the list, the filtered list and the pull', async () => {
    const user = world.users.police.manager;
    const desc = (ids: string[]) => [...ids].sort().reverse();
    const agencies = desc([world.agencies.council, world.agencies.housing]);
    const teams = desc([...world.teams.council, ...world.teams.housing]);
    const users = desc([world.users.council.a.id, world.users.council.b.id, world.users.housing.a.id, world.users.housing.b.id]);
    const shared = await buildCase(server.db, {
      ownerAgencyId: world.agencies.police, ownerTeamId: world.teams.police[0], ownerUserId: world.users.police.a.id, title: 'Shares written in reverse',
      sharingLevel: 'shared', sharedAgencyIds: agencies, sharedTeamIds: teams, sharedUserIds: users,
    });
    const inOrder = { sharedAgencyIds: [...agencies].sort(), sharedTeamIds: [...teams].sort(), sharedUserIds: [...users].sort() };
    type Shares = typeof inOrder & { id: string };
    for (const url of ['/cases?limit=200', '/cases?limit=200&status=open']) {
      const listed = (await call<{ cases: Shares[] }>(server, user, 'GET', url)).body.cases.find((c) => c.id === shared.id);
      expect(listed, url).toMatchObject(inOrder);
    }
    const pulled = (await call<{ changes: Array<{ entity: string; data: Shares }> }>(server, user, 'GET', '/sync/pull?limit=500')).body.changes
      .find((c) => c.entity === 'case' && c.data.id === shared.id);
    // The synced case carries its shared agencies only.
    expect(pulled?.data.sharedAgencyIds).toEqual(inOrder.sharedAgencyIds);
  });

  it('refuses a limit over 200 and a forged cursor with validation errors', async () => {
    const user = world.users.council.a;
    expect((await call(server, user, 'GET', '/cases?limit=201')).status).toBe(400);
    const bad = await call<{ error: { code: string } }>(server, user, 'GET', '/cases?cursor=bm9wZQ');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_error');
  });
});
