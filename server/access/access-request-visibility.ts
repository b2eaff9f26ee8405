/** The SQL twin of `canSeeAccessRequest`. */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { DECIDING_ROLES, type PolicyUser } from '../../domain/policy/policy-user.ts';
import { anyOf, FALSE_SQL } from './sql-audience.ts';

/** True exactly for the access requests the user may see (table `alias`). */
export function accessRequestVisibleSql(user: PolicyUser, alias = 'access_requests'): RawBuilder<SqlBool> {
  return anyOf([
    sql<SqlBool>`${sql.ref(`${alias}.requester_user_id`)} = ${user.id}`,
    DECIDING_ROLES.includes(user.role) ? sql<SqlBool>`${sql.ref(`${alias}.owner_agency_id`)} = ${user.agencyId}` : FALSE_SQL,
  ]);
}
