/** The SQL twin of `canSeeCase`: one visibility filter for cases. */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { readsCases, type PolicyUser } from '../../domain/policy/policy-user.ts';
import { anyOf, audienceSql, FALSE_SQL, inList } from './sql-audience.ts';

/** True for cases shared by name with the user's agency, one of their teams, or them. */
function caseSharedWith(caseIdRef: string) {
  return (user: PolicyUser): RawBuilder<SqlBool> => anyOf([
    sql<SqlBool>`exists (select 1 from case_shared_agencies s where s.case_id = ${sql.ref(caseIdRef)} and s.agency_id = ${user.agencyId})`,
    sql<SqlBool>`exists (select 1 from case_shared_users s where s.case_id = ${sql.ref(caseIdRef)} and s.user_id = ${user.id})`,
    user.teamIds.length === 0
      ? FALSE_SQL
      : sql<SqlBool>`exists (select 1 from case_shared_teams s where s.case_id = ${sql.ref(caseIdRef)} and ${inList('s.team_id', user.teamIds)})`,
  ]);
}

/** True when the user holds an in-force grant on the record. */
export function grantSql(user: PolicyUser, resourceType: 'case' | 'person', idRef: string, at: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from access_grants g where g.resource_type = ${resourceType}
    and g.resource_id = ${sql.ref(idRef)} and g.user_id = ${user.id} and g.revoked_at is null and g.expires_at > ${at})`;
}

/**
 * A condition true exactly for the cases the user may see, for a query where the case table is
 * available as `alias` (default `cases`). `at` is the current time, for access grants.
 */
export function caseVisibleSql(user: PolicyUser, at: string, alias = 'cases'): RawBuilder<SqlBool> {
  if (!readsCases(user)) {
    return FALSE_SQL;
  }
  const col = (name: string) => `${alias}.${name}`;
  return anyOf([
    audienceSql(user, { agency: col('owner_agency_id'), team: col('owner_team_id'), user: col('owner_user_id'), level: col('sharing_level') }, caseSharedWith(col('id'))),
    grantSql(user, 'case', col('id'), at),
  ]);
}

/** The same condition for a correlated `case_id` column: true when the case it names is visible. */
export function caseIdVisibleSql(user: PolicyUser, at: string, caseIdRef: string): RawBuilder<SqlBool> {
  if (!readsCases(user)) {
    return FALSE_SQL;
  }
  return sql<SqlBool>`exists (select 1 from cases vc where vc.id = ${sql.ref(caseIdRef)} and ${caseVisibleSql(user, at, 'vc')})`;
}
