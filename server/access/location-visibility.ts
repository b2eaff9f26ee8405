/**
 * The SQL twin of `canSeeLocation` (domain/policy/location-policy.ts):
 * a location is visible to its owner agency and to anyone who may see a case at it; never to
 * roles that do not read cases.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { readsCases, type PolicyUser } from '../../domain/policy/policy-user.ts';
import { caseVisibleSql } from './case-visibility.ts';
import { anyOf, FALSE_SQL } from './sql-audience.ts';

/** True exactly for the locations (table `alias`) the user may see at `at`. */
export function locationVisibleSql(user: PolicyUser, at: string, alias = 'locations'): RawBuilder<SqlBool> {
  if (!readsCases(user)) {
    return FALSE_SQL;
  }
  return anyOf([
    sql<SqlBool>`${sql.ref(`${alias}.owner_agency_id`)} = ${user.agencyId}`,
    sql<SqlBool>`exists (select 1 from case_locations lcl join cases lc on lc.id = lcl.case_id
      where lcl.location_id = ${sql.ref(`${alias}.id`)} and ${caseVisibleSql(user, at, 'lc')})`,
  ]);
}
