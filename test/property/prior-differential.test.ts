/**
 * Differential test of the audience a change keeps (server/changes/capture-prior.ts): in random
 * access worlds, the snapshot read for each case, person and location (with the records that follow
 * them) and for each task, marker, report and document admits, through the pure policy, exactly the
 * users the policy lets see that record. Each world is rolled back.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { capturePrior } from '../../server/changes/capture-prior.ts';
import { priorAdmits } from '../../server/changes/prior-snapshot.ts';
import type { ChangeEntity } from '../../server/changes/record-change.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { accessWorldArb, WORLD_AT, type AccessWorld } from './access-world.ts';
import { insertWorld } from './access-world-db.ts';
import { expectedVisibility, type Visible } from './access-world-policy.ts';

const RUNS = { sqlite: Number(process.env.PRIOR_WORLDS_SQLITE ?? 300), postgres: Number(process.env.PRIOR_WORLDS_POSTGRES ?? 80) };

class Rollback extends Error {}

const KEYS: Array<[ChangeEntity, keyof Visible]> = [
  ['case', 'cases'], ['task', 'tasks'], ['person', 'personsRecord'], ['location', 'locations'], ['marker', 'markers'], ['report', 'reports'], ['document', 'documents'],
];

describe.each(testDialects())('differential prior audiences on %s', (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.stop());

  async function check(world: AccessWorld): Promise<void> {
    await server.db.transaction().execute(async (trx) => {
      const ids = await insertWorld(trx, world);
      // As the sweep leaves them: a lapsed grant is recorded, so it no longer counts as held.
      await trx.updateTable('access_grants').set({ expiry_recorded_at: WORLD_AT }).where('expires_at', '<=', WORLD_AT).execute();
      const expected = expectedVisibility(world, ids);
      const all: Array<[ChangeEntity, string]> = [
        ...ids.cases.map((id): [ChangeEntity, string] => ['case', id]), ...ids.persons.map((id): [ChangeEntity, string] => ['person', id]),
        ...ids.locations.map((id): [ChangeEntity, string] => ['location', id]), ...ids.tasks.map((id): [ChangeEntity, string] => ['task', id]),
        ...ids.markers.map((m): [ChangeEntity, string] => ['marker', m.id]), ...ids.reports.map((id): [ChangeEntity, string] => ['report', id]),
        ...ids.documents.map((d): [ChangeEntity, string] => ['document', d.id]),
      ];
      for (const [entity, id] of all) {
        const snapshot = await capturePrior(trx, entity, id, WORLD_AT);
        expect(snapshot, `${entity} ${id}`).not.toBeNull();
        for (const record of snapshot!.records) {
          const key = KEYS.find(([e]) => e === record.entity)?.[1];
          if (key === undefined) {
            continue;
          }
          for (const [i, u] of world.users.entries()) {
            const user: PolicyUser = { id: ids.users[i]!, agencyId: ids.agencies[u.agency]!, teamIds: u.teams.map((t) => ids.teams[t]!), role: u.role };
            const want = expected[i]![key].includes(record.id);
            expect(priorAdmits(user, snapshot!, record, WORLD_AT), `user ${i}, ${record.entity} ${record.id} in the snapshot of ${entity} ${id}`).toBe(want);
          }
        }
      }
      throw new Rollback();
    }).catch((error: unknown) => {
      if (!(error instanceof Rollback)) {
        throw error;
      }
    });
  }

  it(`admits exactly whom the policy lets see each record in ${RUNS[dialect]} random worlds`, async () => {
    await fc.assert(fc.asyncProperty(accessWorldArb, check), { numRuns: RUNS[dialect], verbose: 1 });
  }, 600_000);
});
