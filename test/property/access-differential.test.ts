/**
 * Differential access test (docs/access.md): in random worlds, for every user and every resource,
 * the server's SQL visibility filters return exactly what the pure policy allows. Each world is
 * written in a transaction that is rolled back, so worlds never see each other.
 */
import fc from 'fast-check';
import { sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { accessRequestVisibleSql } from '../../server/access/access-request-visibility.ts';
import { caseVisibleSql } from '../../server/access/case-visibility.ts';
import { documentVisibleSql } from '../../server/access/document-visibility.ts';
import { locationVisibleSql } from '../../server/access/location-visibility.ts';
import { markerVisibleSql } from '../../server/access/marker-visibility.ts';
import { personFullSql, personRecordSql, personSearchableSql } from '../../server/access/person-visibility.ts';
import { reportVisibleSql } from '../../server/access/report-visibility.ts';
import { taskVisibleSql } from '../../server/access/task-visibility.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { accessWorldArb, WORLD_AT, type AccessWorld } from './access-world.ts';
import { insertWorld } from './access-world-db.ts';
import { expectedVisibility, type Visible } from './access-world-policy.ts';
import { audienceMismatches } from './case-audience-check.ts';

/** Worlds per dialect; CI runs SQLite at 2,000 (the floor) and PostgreSQL at 500. */
const RUNS = { sqlite: Number(process.env.ACCESS_WORLDS_SQLITE ?? 2000), postgres: Number(process.env.ACCESS_WORLDS_POSTGRES ?? 500) };

class Rollback extends Error {}

async function actualVisibility(trx: Transaction<ServerDatabase>, user: PolicyUser): Promise<Visible> {
  const at = WORLD_AT;
  const ids = async (rows: Promise<Array<{ id: string }>>) => (await rows).map((r) => r.id).sort();
  return {
    cases: await ids(trx.selectFrom('cases').select('id').where(caseVisibleSql(user, at, 'cases')).execute()),
    reports: await ids(trx.selectFrom('reports').select('id').where(reportVisibleSql(user, at, 'reports')).execute()),
    documents: await ids(trx.selectFrom('documents').select('id').where(documentVisibleSql(user, at, 'documents')).execute()),
    tasks: await ids(trx.selectFrom('tasks').select('id').where(taskVisibleSql(user, at, 'tasks')).execute()),
    personsFull: await ids(trx.selectFrom('persons').select('id').where(personFullSql(user, at, 'persons')).execute()),
    personsRecord: await ids(trx.selectFrom('persons').select('id').where(personRecordSql(user, at, 'persons')).execute()),
    personsSearchable: await ids(trx.selectFrom('persons').select('id').where(personSearchableSql(user, at, 'persons')).execute()),
    markers: await ids(trx.selectFrom('markers').select('id').where(markerVisibleSql(user, at, 'markers')).execute()),
    locations: await ids(trx.selectFrom('locations').select('id').where(locationVisibleSql(user, at, 'locations')).execute()),
    requests: await ids(trx.selectFrom('access_requests').select('id').where(accessRequestVisibleSql(user, 'access_requests')).execute()),
  };
}

const sorted = (v: Visible): Visible =>
  Object.fromEntries(Object.entries(v).map(([k, list]) => [k, [...(list as string[])].sort()])) as unknown as Visible;

describe.each(testDialects())('differential access: SQL filters equal the pure policy on %s', (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.stop());

  async function check(world: AccessWorld): Promise<void> {
    await server.db.transaction().execute(async (trx) => {
      const ids = await insertWorld(trx, world);
      const expected = expectedVisibility(world, ids);
      const users = world.users.map((u, i): PolicyUser => ({ id: ids.users[i]!, agencyId: ids.agencies[u.agency]!, teamIds: u.teams.map((t) => ids.teams[t]!), role: u.role }));
      for (const [i, user] of users.entries()) {
        const actual = await actualVisibility(trx, user);
        expect({ user: i, ...actual }).toEqual({ user: i, ...sorted(expected[i]!) });
      }
      // The case list's audience rows (no pure-policy re-check), paged two at a time through the cursor.
      expect(await audienceMismatches(trx, users, WORLD_AT, { pageSize: 2, expected: (_user, i) => expected[i]!.cases })).toEqual([]);
      throw new Rollback();
    }).catch((error: unknown) => {
      if (!(error instanceof Rollback)) {
        throw error;
      }
    });
  }

  it(`agrees in ${RUNS[dialect]} random worlds (the failing world is printed)`, async () => {
    await fc.assert(fc.asyncProperty(accessWorldArb, check), { numRuns: RUNS[dialect], verbose: 1 });
    // Nothing leaked out of the rolled-back worlds.
    const left = await sql<{ n: number }>`select count(*) as n from cases`.execute(server.db);
    expect(Number(left.rows[0]!.n)).toBe(0);
  }, 600_000);
});
