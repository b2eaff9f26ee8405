/** The SQL twin of `canSeeNotification`, over the notifications table as `alias`. */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { readsCases, type PolicyUser } from '../../domain/policy/policy-user.ts';
import { FALSE_SQL } from './sql-audience.ts';

/** True exactly for the notifications the user may see. */
export function notificationVisibleSql(user: PolicyUser, alias = 'notifications'): RawBuilder<SqlBool> {
  if (!readsCases(user)) {
    return FALSE_SQL;
  }
  return sql<SqlBool>`${sql.ref(`${alias}.agency_id`)} = ${user.agencyId}`;
}
