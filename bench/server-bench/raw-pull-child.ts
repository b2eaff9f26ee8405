/**
 * The raw statements for one sync pull page: a bare Fastify whose one handler answers the benchmark
 * user's `GET /sync/pull?limit=N&cursor=C` with prepared statements (better-sqlite3, or node-postgres
 * named statements over a pool of the API's size) and JSON.stringify — without authentication,
 * hooks, zod, Kysely, the request log, the disclosure audit event or the device's pull time.
 *
 * It runs what the page needs and nothing more, in one read transaction (repeatable read on
 * PostgreSQL, as the API's pull): the head position, the scan of the change log, the visible cases
 * logged in the scanned span with their named shares (the API's statement: the span, the server's
 * own visibility SQL and share columns, compiled once) and the grants of the cases it flags, with
 * abilities from the same pure policy function. The benchmark's world logs only cases
 * past its first rows, so the handler serves cases only and fails on any other entity (the benchmark
 * also checks it answers the same changes as the API).
 * Arguments: the database file or `postgres://` URL, the user id, the cursor, the scan limit.
 */
import Fastify from 'fastify';
import { caseAbilities, type PolicyCase } from '../../domain/policy/case-policy.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import type { Role, SharingLevel } from '../../domain/vocabulary.ts';
import { announceReady, argument } from './child-protocol.ts';
import { openRawStatements, type RawCaseRow } from './raw-pull-statements.ts';

const where = argument(0, 'database file or URL');
const userId = argument(1, 'user id');
const cursor = Number(argument(2, 'cursor'));
const limit = Number(argument(3, 'scan limit'));

const raw = await openRawStatements(where);
const userRow = (await raw.once('select id, agency_id, role from users where id = $1', [userId]))[0] as { id: string; agency_id: string; role: Role };
const teamIds = (await raw.once('select team_id from user_teams where user_id = $1 order by team_id', [userId]) as Array<{ team_id: string }>).map((t) => t.team_id);
const user: PolicyUser = { id: userRow.id, agencyId: userRow.agency_id, role: userRow.role, teamIds };
const statements = raw.prepare(user);

async function page(): Promise<string> {
  const at = new Date().toISOString();
  return statements.inTransaction(async (run) => {
    const head = Number((await run.head())[0]!.seq);
    const scanned = await run.scan(cursor, limit + 1);
    const hasMore = scanned.length > limit;
    const rows = scanned.slice(0, limit);
    const seqOf = new Map<string, number>();
    const last = rows.at(-1);
    for (const r of rows) {
      if (r.entity !== 'case' || r.prior !== null) {
        throw new Error(`the raw pull serves case upserts only; the log holds ${r.entity} ${r.op} at ${r.seq}`);
      }
      seqOf.set(r.entity_id, Number(r.seq));
    }
    const cases = last === undefined ? [] : await run.visibleCases(cursor, Number(last.seq), at);
    const flagged = cases.filter((c) => Number(c.holds_grant_row) === 1).map((c) => c.id);
    const grantRows = flagged.length === 0 ? [] : await run.grants(flagged);
    const split = (ids: string | null) => (ids === null ? [] : ids.split(',').sort());
    const grantsOf = new Map<string, PolicyCase['grants']>();
    for (const g of grantRows) {
      grantsOf.set(g.resource_id, [...(grantsOf.get(g.resource_id) ?? []), { userId: g.user_id, expiresAt: g.expires_at, revokedAt: g.revoked_at }]);
    }
    const changes = cases.map((r: RawCaseRow) => {
      const policy: PolicyCase = {
        ownerAgencyId: r.owner_agency_id, ownerTeamId: r.owner_team_id, ownerUserId: r.owner_user_id, sharingLevel: r.sharing_level as SharingLevel,
        sharedAgencyIds: split(r.shared_agency_ids), sharedTeamIds: split(r.shared_team_ids), sharedUserIds: split(r.shared_user_ids), grants: grantsOf.get(r.id) ?? [],
      };
      return {
        entity: 'case', seq: seqOf.get(r.id)!,
        data: {
          id: r.id, reference: r.reference, title: r.title, caseType: r.case_type, status: r.status, closureReason: r.closure_reason,
          riskLevel: r.risk_level, reviewDate: r.review_date, ownerAgencyId: r.owner_agency_id, ownerTeamId: r.owner_team_id,
          ownerUserId: r.owner_user_id, sharingLevel: r.sharing_level, sharedAgencyIds: policy.sharedAgencyIds, createdAt: r.created_at,
          updatedAt: r.updated_at, version: Number(r.version), abilities: caseAbilities(user, policy, at),
        },
      };
    }).sort((a, b) => a.seq - b.seq);
    return JSON.stringify({ changes, removals: [], cursor: String(hasMore && last ? Number(last.seq) : head), hasMore, lastMutationId: 0 });
  });
}

const app = Fastify({ logger: false });
app.get('/*', async (_request, reply) => {
  void reply.type('application/json; charset=utf-8').send(await page());
  return reply;
});
announceReady(await app.listen({ host: '127.0.0.1', port: 0 }), async () => {
  await app.close();
  await raw.close();
});
