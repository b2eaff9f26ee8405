/**
 * The SQL that writes a case's audience rows (docs/access.md, "The case list's audience rows"):
 * one row per principal the case's sharing admits, the indexable form of `audienceAdmits`.
 * Shared by migration 0027's backfill and the server's `refreshCaseAudience`, so both write the
 * same rows. Principals: `a:<agency>`, `u:<user>`, `t:<agency>:<team>` (owner team members),
 * `m:<agency>:<team>` (owner team managers, owner-only cases), `s:<team>` (named teams) and
 * `g:<user>` (a user who holds or held an access grant on the case). A `g:` row admits nothing by
 * itself: the list checks the grant is in force when it reads (migration 0029 added these rows).
 */
import { sql, type QueryExecutorProvider, type RawBuilder } from 'kysely';

/** `all` rewrites every case's rows (the backfill); a list rewrites only those cases'. */
export type AudienceScope = 'all' | readonly string[];

function caseFilter(scope: AudienceScope, ref: string): RawBuilder<unknown> {
  return scope === 'all' ? sql`1 = 1` : sql`${sql.ref(ref)} in (${sql.join(scope.map((id) => sql`${id}`))})`;
}

/** The principals each case in scope admits, as `(principal, case_id, updated_at)` rows. */
function principalRows(scope: AudienceScope): RawBuilder<unknown> {
  const c = caseFilter(scope, 'c.id');
  return sql`
    select 'u:' || c.owner_user_id as principal, c.id as case_id, c.updated_at as updated_at from cases c
      where c.sharing_level in ('owner_only', 'owner_team') and c.owner_user_id is not null and ${c}
    union all
    select 'm:' || c.owner_agency_id || ':' || c.owner_team_id, c.id, c.updated_at from cases c
      where c.sharing_level = 'owner_only' and c.owner_team_id is not null and ${c}
    union all
    select 't:' || c.owner_agency_id || ':' || c.owner_team_id, c.id, c.updated_at from cases c
      where c.sharing_level = 'owner_team' and c.owner_team_id is not null and ${c}
    union all
    select 'a:' || c.owner_agency_id, c.id, c.updated_at from cases c
      where c.sharing_level in ('owner_agency', 'shared') and ${c}
    union all
    select 'a:' || s.agency_id, c.id, c.updated_at from case_shared_agencies s join cases c on c.id = s.case_id
      where c.sharing_level = 'shared' and ${c}
    union all
    select 's:' || s.team_id, c.id, c.updated_at from case_shared_teams s join cases c on c.id = s.case_id
      where c.sharing_level = 'shared' and ${c}
    union all
    select 'u:' || s.user_id, c.id, c.updated_at from case_shared_users s join cases c on c.id = s.case_id
      where c.sharing_level = 'shared' and ${c}
    union all
    select 'g:' || g.user_id, c.id, c.updated_at from access_grants g join cases c on c.id = g.resource_id
      where g.resource_type = 'case' and ${c}`;
}

/**
 * Rewrites the audience rows of the cases in scope from `cases`, the `case_shared_*` tables and
 * `access_grants`: one DELETE and one INSERT … SELECT. Run it in the transaction of the write it follows.
 */
export async function writeCaseAudience(db: QueryExecutorProvider, scope: AudienceScope): Promise<void> {
  if (scope !== 'all' && scope.length === 0) {
    return;
  }
  await sql`delete from case_audience where ${caseFilter(scope, 'case_id')}`.execute(db);
  // DISTINCT: a case may name its owner agency among its shares, which is one principal; a user may hold two grants.
  await sql`insert into case_audience (principal, case_id, updated_at)
    select distinct principal, case_id, updated_at from (${principalRows(scope)}) p`.execute(db);
}
