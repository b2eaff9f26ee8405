/**
 * Which of the `user_notifications` rows (as `alias`) a user may see: addressed to them (their
 * agency, and their team and user where named) AND their policy sees the notification's subject
 * today — the task, the marker and its case, the access request, the shared case. A notification
 * whose subject the reader may no longer see simply stops being listed.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { DECIDING_ROLES, readsCases, type PolicyUser } from '../../domain/policy/policy-user.ts';
import { accessRequestVisibleSql } from './access-request-visibility.ts';
import { caseIdVisibleSql } from './case-visibility.ts';
import { markerVisibleSql } from './marker-visibility.ts';
import { allOf, anyOf, FALSE_SQL, inList } from './sql-audience.ts';
import { taskVisibleSql } from './task-visibility.ts';

/** True exactly for the notifications the user may see. */
export function userNotificationVisibleSql(user: PolicyUser, at: string, alias = 'user_notifications'): RawBuilder<SqlBool> {
  if (!readsCases(user)) {
    return FALSE_SQL;
  }
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  const kind = (k: string) => sql<SqlBool>`${col('kind')} = ${k}`;
  const taskSeen = sql<SqlBool>`exists (select 1 from tasks nt where nt.id = ${col('task_id')} and ${taskVisibleSql(user, at, 'nt')})`;
  const markerSeen = sql<SqlBool>`exists (select 1 from markers nm where nm.id = ${col('marker_id')} and ${markerVisibleSql(user, at, 'nm')})`;
  const requestSeen = sql<SqlBool>`exists (select 1 from access_requests nr where nr.id = ${col('access_request_id')} and ${accessRequestVisibleSql(user, 'nr')})`;
  const decides = DECIDING_ROLES.includes(user.role)
    ? sql<SqlBool>`exists (select 1 from access_requests nd where nd.id = ${col('access_request_id')} and nd.owner_agency_id = ${user.agencyId})`
    : FALSE_SQL;
  return allOf([
    sql<SqlBool>`${col('agency_id')} = ${user.agencyId}`,
    anyOf([sql<SqlBool>`${col('team_id')} is null`, inList(`${alias}.team_id`, user.teamIds)]),
    anyOf([sql<SqlBool>`${col('user_id')} is null`, sql<SqlBool>`${col('user_id')} = ${user.id}`]),
    anyOf([
      allOf([anyOf([kind('task_assigned'), kind('task_overdue'), kind('task_escalated')]), taskSeen]),
      allOf([kind('marker_added'), markerSeen, caseIdVisibleSql(user, at, `${alias}.case_id`)]),
      allOf([kind('access_request_to_decide'), decides]),
      allOf([kind('access_decided'), requestSeen]),
      allOf([kind('case_shared'), caseIdVisibleSql(user, at, `${alias}.case_id`)]),
    ]),
  ]);
}
