/**
 * Differential access test through the HTTP API: random worlds are committed, and for every user
 * the API's lists, single-record reads (cases, persons in full or as the minimal profile of one
 * attached from a stub) and per-record abilities are compared with the pure policy.
 * Worlds never see each other: every id a world refers to is its own.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personAbilities } from '../../domain/persons/person-abilities.ts';
import { caseAbilities, type PolicyCase } from '../../domain/policy/case-policy.ts';
import { personView } from '../../domain/policy/person-policy.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { accessWorldArb, grantExpiry, grantRevokedAt, WORLD_AT, type AccessWorld } from './access-world.ts';
import { insertWorld, type WorldIds } from './access-world-db.ts';
import { expectedVisibility, policyPersons } from './access-world-policy.ts';

const RUNS = { sqlite: Number(process.env.ACCESS_API_WORLDS_SQLITE ?? 150), postgres: Number(process.env.ACCESS_API_WORLDS_POSTGRES ?? 60) };

describe.each(testDialects())('differential access through the API on %s', (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => new Date(WORLD_AT) });
  });
  afterAll(() => server.stop());

  async function get(token: string, url: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode, `${url} answered ${res.statusCode}: ${res.body}`).toBeLessThan(500);
    return { status: res.statusCode, body: res.json<Record<string, unknown>>() };
  }

  const idsOf = (list: unknown) => (list as Array<{ id: string }>).map((r) => r.id).sort();

  function policyCases(w: AccessWorld, ids: WorldIds): PolicyCase[] {
    return w.cases.map((c) => ({
      ownerAgencyId: ids.agencies[c.agency]!, ownerTeamId: c.team === null ? null : ids.teams[c.team]!, ownerUserId: c.user === null ? null : ids.users[c.user]!,
      sharingLevel: c.level, sharedAgencyIds: c.shares.agencies.map((a) => ids.agencies[a]!), sharedTeamIds: c.shares.teams.map((t) => ids.teams[t]!),
      sharedUserIds: c.shares.users.map((u) => ids.users[u]!),
      grants: c.grants.map((g) => ({ userId: ids.users[g.user]!, expiresAt: grantExpiry(g), revokedAt: grantRevokedAt(g) })),
    }));
  }

  async function check(world: AccessWorld): Promise<void> {
    const ids = await server.db.transaction().execute((trx) => insertWorld(trx, world));
    const expected = expectedVisibility(world, ids);
    const cases = policyCases(world, ids);
    const persons = policyPersons(world, ids);
    for (const [i, u] of world.users.entries()) {
      const want = expected[i]!;
      const token = (await server.ctx.tokens.signAccess(ids.users[i]!, new Date(WORLD_AT))).token;
      const user = { id: ids.users[i]!, agencyId: ids.agencies[u.agency]!, teamIds: u.teams.map((t) => ids.teams[t]!), role: u.role };
      const label = `user ${i}`;

      const list = await get(token, '/cases?limit=200');
      type Listed = { id: string; abilities: Record<string, boolean>; sharedAgencyIds: string[]; sharedTeamIds: string[]; sharedUserIds: string[] };
      const listed = list.body.cases as Listed[];
      expect(idsOf(listed), `${label}: GET /cases`).toEqual([...want.cases].sort());
      const shareLists = (c: { sharedAgencyIds: readonly string[]; sharedTeamIds?: readonly string[]; sharedUserIds?: readonly string[] }) =>
        [c.sharedAgencyIds, c.sharedTeamIds ?? [], c.sharedUserIds ?? []].map((l) => [...new Set(l)].sort());
      for (const c of listed) {
        const index = ids.cases.indexOf(c.id);
        expect(c.abilities, `${label}: abilities on case ${index}`).toEqual(caseAbilities(user, cases[index]!, WORLD_AT));
        // The named shares the page read in its own statement are the case's shares.
        expect(shareLists(c), `${label}: shares of case ${index}`).toEqual(shareLists(cases[index]!));
      }
      // Paged two at a time through the cursor: the same cases in the same order (audience arms merged per page).
      const paged: string[] = [];
      for (let cursor: string | null = null, pages = 0; pages === 0 || cursor !== null; pages += 1) {
        const page = (await get(token, `/cases?limit=2${cursor === null ? '' : `&cursor=${cursor}`}`)).body as { cases: Array<{ id: string }>; nextCursor: string | null };
        paged.push(...page.cases.map((c) => c.id));
        cursor = page.nextCursor;
      }
      expect(paged, `${label}: GET /cases page by page`).toEqual(listed.map((c) => c.id));
      for (const [c, caseId] of ids.cases.entries()) {
        const visible = want.cases.includes(caseId);
        expect((await get(token, `/cases/${caseId}`)).status, `${label}: GET /cases/${c}`).toBe(visible ? 200 : 404);
        const reports = await get(token, `/cases/${caseId}/reports`);
        const documents = await get(token, `/cases/${caseId}/documents`);
        if (visible) {
          const inCase = (reportId: string) => world.reports[ids.reports.indexOf(reportId)]!.case === c;
          expect(idsOf(reports.body.reports), `${label}: reports of case ${c}`).toEqual(want.reports.filter(inCase).sort());
          const docInCase = (docId: string) => ids.documents.find((d) => d.id === docId)!.caseIndex === c;
          expect(idsOf(documents.body.documents), `${label}: documents of case ${c}`).toEqual(want.documents.filter(docInCase).sort());
        } else {
          expect([reports.status, documents.status], `${label}: content of invisible case ${c}`).toEqual([404, 404]);
        }
      }
      expect(idsOf((await get(token, '/tasks?limit=200')).body.tasks), `${label}: GET /tasks`).toEqual([...want.tasks].sort());
      expect(idsOf((await get(token, '/access-requests')).body.requests), `${label}: GET /access-requests`).toEqual([...want.requests].sort());
      // A person: the full record, the minimal profile of one attached from a stub (no consent status, no identifiers), or 404.
      for (const [p, personId] of ids.persons.entries()) {
        const view = personView(user, persons[p]!, WORLD_AT);
        const res = await get(token, `/persons/${personId}`);
        expect(res.status, `${label}: GET /persons/${p} (view ${view})`).toBe(view === 'full' || view === 'profile' ? 200 : 404);
        if (res.status === 200) {
          const ownIdentifier = world.persons[p]!.agency === u.agency;
          expect({
            consentStatus: 'consentStatus' in res.body, identifiers: (res.body.identifiers as unknown[]).length, abilities: res.body.abilities,
          }, `${label}: person ${p} as ${view}`).toEqual({
            consentStatus: view === 'full', identifiers: view === 'full' && ownIdentifier ? 1 : 0,
            abilities: personAbilities(user, { ownerAgencyId: ids.agencies[world.persons[p]!.agency]! }, view),
          });
        }
      }
      for (const m of ids.markers) {
        const subjectId = (m.subject === 'case' ? ids.cases : m.subject === 'person' ? ids.persons : ids.locations)[m.index]!;
        const res = await get(token, `/markers?subjectType=${m.subject}&subjectId=${subjectId}`);
        const seen = res.status === 200 ? idsOf(res.body.markers) : [];
        expect(seen.includes(m.id), `${label}: marker on ${m.subject} ${m.index} (staff safety: ${m.staffSafety})`).toBe(want.markers.includes(m.id));
      }
    }
  }

  it(`agrees in ${RUNS[dialect]} random worlds (the failing world is printed)`, async () => {
    await fc.assert(fc.asyncProperty(accessWorldArb, check), { numRuns: RUNS[dialect], verbose: 1 });
  }, 600_000);
});
