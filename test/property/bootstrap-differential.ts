/**
 * Differential bootstrap test: random access worlds are committed, and for every user the records a
 * whole bootstrap delivers (paged two anchors at a time, so every phase spans several pages; the agency
 * directory, which grows with every world, 20 at a time) are
 * compared with what the pure policy says that user may see. Some cases are closed and some tasks
 * finished, so every phase has work. Every other user bootstraps in compact pages, so both formats are
 * proven. The failing world is printed.
 *
 * Each dialect has its own test file (bootstrap-differential-sqlite.test.ts, -postgres.test.ts), so the two
 * run side by side in separate vitest workers rather than one after the other in one.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompactBootstrapResponseSchema, decodeCompactBootstrap } from '../../domain/http/bootstrap-compact.ts';
import type { BootstrapResponse, SyncChange } from '../../domain/http/sync-schemas.ts';
import { personAbilities } from '../../domain/persons/person-abilities.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { accessWorldArb, WORLD_AT, type AccessWorld } from './access-world.ts';
import { insertWorld } from './access-world-db.ts';
import { expectedVisibility } from './access-world-policy.ts';

/** Records per page in the agency directory phase (every other phase: 2). */
const AGENCY_PAGE = 20;
const RUNS = { sqlite: Number(process.env.BOOTSTRAP_WORLDS_SQLITE ?? 200), postgres: Number(process.env.BOOTSTRAP_WORLDS_POSTGRES ?? 80) };

/** Registers the differential bootstrap suite on `dialect` (skipped on PostgreSQL when TEST_DATABASE_URL is not set, as before the split). */
export function describeBootstrapDifferential(dialect: 'sqlite' | 'postgres'): void {
  describe.skipIf(!testDialects().includes(dialect))(`differential bootstrap on ${dialect}`, () => {
    let server: TestServer;

    beforeAll(async () => {
      server = await startTestServer(dialect, { now: () => new Date(WORLD_AT) });
    });
    afterAll(() => server.stop());

    // Every other user asks for compact pages (decoded and checked as the desktop does), so the same property proves both formats.
    async function bootstrapAll(token: string, compact: boolean): Promise<{ changes: SyncChange[]; phases: string[] }> {
      const changes: SyncChange[] = [];
      const phases: string[] = [];
      const format = compact ? '&format=compact' : '';
      let query = 'limit=2';
      for (let pages = 0; pages < 10_000; pages += 1) {
        const res = await server.app.inject({ method: 'GET', url: `/sync/bootstrap?${query}${format}`, headers: { authorization: `Bearer ${token}` } });
        expect(res.statusCode, res.body).toBe(200);
        const page = compact ? decodeCompactBootstrap(CompactBootstrapResponseSchema.parse(res.json())) : res.json<BootstrapResponse>();
        changes.push(...page.changes);
        if (!page.next) {
          return { changes, phases };
        }
        phases.push(page.next.phase);
        // The agency directory is everyone's and grows with every world committed before (some 600 agencies by
        // the last): read two at a time it was nine tenths of this file's time. Read 20 at a time it still spans
        // several pages from about the tenth world on.
        const limit = page.next.phase === 'agencies' ? AGENCY_PAGE : 2;
        query = new URLSearchParams({ limit: String(limit), snapshot: page.snapshot, phase: page.next.phase, ...(page.next.after ? { after: page.next.after } : {}) }).toString();
      }
      throw new Error('the bootstrap never ended');
    }

    async function check(world: AccessWorld): Promise<void> {
      const ids = await server.db.transaction().execute((trx) => insertWorld(trx, world));
      // Status does not change who may see what, but it decides the phase: vary it.
      const closed = ids.cases.filter((_, i) => i % 3 === 1);
      const done = ids.tasks.filter((_, i) => i % 2 === 1);
      if (closed.length > 0) {
        await server.db.updateTable('cases').set({ status: 'closed' }).where('id', 'in', closed).execute();
      }
      if (done.length > 0) {
        await server.db.updateTable('tasks').set({ status: 'done' }).where('id', 'in', done).execute();
      }
      const expected = expectedVisibility(world, ids);
      const user = (i: number): PolicyUser => {
        const u = world.users[i]!;
        return { id: ids.users[i]!, agencyId: ids.agencies[u.agency]!, teamIds: u.teams.map((t) => ids.teams[t]!), role: u.role };
      };
      for (const [i] of world.users.entries()) {
        const want = expected[i]!;
        const token = (await server.ctx.tokens.signAccess(ids.users[i]!, new Date(WORLD_AT))).token;
        const { changes } = await bootstrapAll(token, i % 2 === 1);
        const got = (entity: SyncChange['entity']) => [...new Set(changes.filter((c) => c.entity === entity).map((c) => c.data.id))].sort();
        const label = `user ${i}${i % 2 === 1 ? ' (compact pages)' : ''}`;
        expect(got('case'), `${label}: cases`).toEqual([...want.cases].sort());
        expect(got('report'), `${label}: reports`).toEqual([...want.reports].sort());
        expect(got('document'), `${label}: documents`).toEqual([...want.documents].sort());
        expect(got('task'), `${label}: tasks`).toEqual([...want.tasks].sort());
        // Persons attached from a stub travel too, as the minimal profile (a synced person never carries more).
        expect(got('person'), `${label}: persons`).toEqual([...want.personsRecord].sort());
        for (const person of changes.filter((c) => c.entity === 'person')) {
          const view = want.personsFull.includes(person.data.id) ? 'full' : 'profile';
          const owner = ids.agencies[world.persons[ids.persons.indexOf(person.data.id)]!.agency]!;
          expect(person.data.abilities, `${label}: abilities on person as ${view}`).toEqual(personAbilities(user(i), { ownerAgencyId: owner }, view));
          expect(Object.keys(person.data).sort(), `${label}: a synced person carries the minimal profile only`)
            .toEqual(['abilities', 'aliases', 'dateOfBirth', 'estimatedBirthYear', 'familyName', 'gender', 'givenName', 'id']);
        }
        expect(got('location'), `${label}: locations`).toEqual([...want.locations].sort());
        expect(got('marker'), `${label}: markers`).toEqual([...want.markers].sort());
        expect(got('access_request'), `${label}: access requests`).toEqual([...want.requests].sort());
        expect(got('agency'), `${label}: the directory holds the world's agencies`).toEqual(expect.arrayContaining(ids.agencies));
        const subjects = changes.filter((c) => c.entity === 'case_subject');
        expect(subjects.every((s) => want.cases.includes(s.data.caseId)), `${label}: subjects only of visible cases`).toBe(true);
        const places = changes.filter((c) => c.entity === 'case_location');
        expect(places.every((l) => want.cases.includes(l.data.caseId)), `${label}: case locations only of visible cases`).toBe(true);
        // Bulky records travel once (a person or place in several cases may come with each of them).
        for (const entity of ['case', 'report', 'document', 'case_subject', 'case_location'] as const) {
          const all = changes.filter((c) => c.entity === entity).map((c) => c.data.id);
          expect(new Set(all).size, `${label}: each ${entity} once`).toBe(all.length);
        }
      }
    }

    it(`delivers exactly what the policy allows in ${RUNS[dialect]} random worlds`, async () => {
      await fc.assert(fc.asyncProperty(accessWorldArb, check), { numRuns: RUNS[dialect], verbose: 1 });
    }, 600_000);
  });
}
