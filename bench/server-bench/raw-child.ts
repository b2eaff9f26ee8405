/**
 * The raw statement: a bare Fastify whose one handler answers `GET /cases?limit=100` for the
 * benchmark user with better-sqlite3 prepared statements and JSON.stringify — the same page (the
 * benchmark checks the bytes), without authentication, hooks, zod, Kysely or the request log. The
 * user is loaded once at start-up, as a token would name them.
 *
 * The list statement's SQL is the one the server's query builder produces, compiled once here, so
 * the two runs ask SQLite the same question: `audience` (the default) is the server's own statement,
 * the user's audience rows with each case's row and named shares (`audiencePageRowsSql`), then the
 * grants of the cases it flags; `filter` is the former query, the visibility filter
 * (`caseVisibleSql`) evaluated case by case along the (updated_at, id) index, then the page's shares,
 * kept to show what the audience rows save. Lookups by the page's ids take them as one JSON
 * parameter. Abilities come from the same pure policy function.
 * Arguments: the database file, the user id, the page size, and `audience` or `filter`.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import Fastify from 'fastify';
import { Kysely, SqliteDialect } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { caseAbilities, type PolicyCase } from '../../domain/policy/case-policy.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import type { Role, SharingLevel } from '../../domain/vocabulary.ts';
import { audiencePageRowsSql } from '../../server/cases/case-list.ts';
import { caseVisibleSql } from '../../server/access/case-visibility.ts';
import { announceReady, argument } from './child-protocol.ts';

interface CaseRow {
  id: string; reference: string; title: string; case_type: string; status: string; closure_reason: string | null; risk_level: string;
  review_date: string | null; owner_agency_id: string; owner_team_id: string | null; owner_user_id: string | null; sharing_level: string;
  created_at: string; updated_at: string; version: number; hidden_from_search: number;
}

const sqlite = new Database(argument(0, 'database file'), { readonly: true, fileMustExist: true });
const userId = argument(1, 'user id');
const limit = Number(argument(2, 'page size'));
const mode = process.argv[5] === 'filter' ? 'filter' : 'audience';

const userRow = sqlite.prepare('select id, agency_id, role from users where id = ?').get(userId) as { id: string; agency_id: string; role: Role };
const teamIds = (sqlite.prepare('select team_id from user_teams where user_id = ? order by team_id').all(userId) as Array<{ team_id: string }>).map((t) => t.team_id);
const user: PolicyUser = { id: userRow.id, agencyId: userRow.agency_id, role: userRow.role, teamIds };

// Compile (never run) the server's list query once; `at` is the only value that changes per request.
const AT = '\u0000at';
const kysely = new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
const compiled = mode === 'filter'
  ? kysely.selectFrom('cases').selectAll().where(caseVisibleSql(user, AT, 'cases'))
    .orderBy('cases.updated_at', 'desc').orderBy('cases.id', 'desc').limit(limit + 1).compile()
  : audiencePageRowsSql(user, AT, { limit: limit + 1 })!.compile(kysely);
const atIndex = compiled.parameters.indexOf(AT);
const params = [...compiled.parameters];
const listPage = sqlite.prepare(compiled.sql);
const ids = 'select value from json_each(?)';
const sharedAgencies = sqlite.prepare(`select case_id, agency_id as v from case_shared_agencies where case_id in (${ids}) order by agency_id`);
const sharedTeams = sqlite.prepare(`select case_id, team_id as v from case_shared_teams where case_id in (${ids}) order by team_id`);
const sharedUsers = sqlite.prepare(`select case_id, user_id as v from case_shared_users where case_id in (${ids}) order by user_id`);
const grants = sqlite.prepare(`select resource_id, user_id, expires_at, revoked_at from access_grants
  where resource_type = 'case' and user_id = ? and resource_id in (${ids})`);

interface Shares {
  agencies: Map<string, string[]>;
  teams: Map<string, string[]>;
  users: Map<string, string[]>;
}

/**
 * The page's rows, newest first, with their named shares: the server's one statement, whose rows
 * carry the shares as comma-joined ids (`audience`); or the per-case filter, then the share tables by id (`filter`).
 */
function pageRows(): { rows: CaseRow[]; shares: Shares; flagged: string[] } {
  if (mode === 'filter') {
    const rows = listPage.all(...params) as CaseRow[];
    const json = JSON.stringify(rows.slice(0, limit).map((r) => r.id));
    const shares = { agencies: byCase(sharedAgencies.all(json)), teams: byCase(sharedTeams.all(json)), users: byCase(sharedUsers.all(json)) };
    return { rows, shares, flagged: rows.map((r) => r.id) };
  }
  const rows = listPage.all(...params) as Array<CaseRow & KeyedShares>;
  const lists = (column: keyof Omit<KeyedShares, 'holds_grant_row' | 'key_case_id' | 'key_updated_at'>) =>
    new Map(rows.flatMap((r) => (r[column] === null ? [] : [[r.key_case_id, r[column].split(',').sort()] as const])));
  return {
    // The row past the page only says there is a next page; its key stands in for it.
    rows: rows.map((r) => (r.id === null ? ({ id: r.key_case_id, updated_at: r.key_updated_at } as CaseRow) : r)),
    shares: { agencies: lists('shared_agency_ids'), teams: lists('shared_team_ids'), users: lists('shared_user_ids') },
    flagged: rows.slice(0, limit).filter((r) => r.holds_grant_row === 1).map((r) => r.key_case_id),
  };
}

interface KeyedShares {
  key_case_id: string;
  key_updated_at: string;
  shared_agency_ids: string | null;
  shared_team_ids: string | null;
  shared_user_ids: string | null;
  holds_grant_row: number;
}

function byCase(rows: unknown[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const r of rows as Array<{ case_id: string; v: string }>) {
    const list = map.get(r.case_id);
    if (list) {
      list.push(r.v);
    } else {
      map.set(r.case_id, [r.v]);
    }
  }
  return map;
}

function page(): string {
  const at = new Date().toISOString();
  if (atIndex >= 0) {
    params[atIndex] = at;
  }
  const { rows, shares, flagged } = pageRows();
  const shown = rows.slice(0, limit);
  const grantsOf = new Map<string, PolicyCase['grants']>();
  for (const g of (flagged.length === 0 ? [] : grants.all(user.id, JSON.stringify(flagged))) as Array<{ resource_id: string; user_id: string; expires_at: string; revoked_at: string | null }>) {
    grantsOf.set(g.resource_id, [...(grantsOf.get(g.resource_id) ?? []), { userId: g.user_id, expiresAt: g.expires_at, revokedAt: g.revoked_at }]);
  }
  const cases = shown.map((r) => {
    const policy: PolicyCase = {
      ownerAgencyId: r.owner_agency_id, ownerTeamId: r.owner_team_id, ownerUserId: r.owner_user_id, sharingLevel: r.sharing_level as SharingLevel,
      sharedAgencyIds: shares.agencies.get(r.id) ?? [], sharedTeamIds: shares.teams.get(r.id) ?? [], sharedUserIds: shares.users.get(r.id) ?? [], grants: grantsOf.get(r.id) ?? [],
    };
    return {
      id: r.id, reference: r.reference, title: r.title, caseType: r.case_type, status: r.status, closureReason: r.closure_reason,
      riskLevel: r.risk_level, reviewDate: r.review_date, ownerAgencyId: r.owner_agency_id, ownerTeamId: r.owner_team_id,
      ownerUserId: r.owner_user_id, sharingLevel: r.sharing_level, sharedAgencyIds: policy.sharedAgencyIds, createdAt: r.created_at,
      updatedAt: r.updated_at, version: r.version, sharedTeamIds: policy.sharedTeamIds, sharedUserIds: policy.sharedUserIds,
      hiddenFromSearch: r.hidden_from_search === 1, abilities: caseAbilities(user, policy, at),
    };
  });
  const last = shown.at(-1);
  const nextCursor = rows.length > limit && last ? Buffer.from(`${last.updated_at}|${last.id}`, 'utf8').toString('base64url') : null;
  return JSON.stringify({ cases, nextCursor });
}

const app = Fastify({ logger: false });
app.get('/*', (_request, reply) => {
  void reply.type('application/json; charset=utf-8').send(page());
});
announceReady(await app.listen({ host: '127.0.0.1', port: 0 }), async () => {
  await app.close();
  sqlite.close();
});
