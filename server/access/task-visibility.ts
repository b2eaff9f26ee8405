/** The SQL twin of `canSeeTask`: the case is visible, or the task is assigned to the user. */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { readsCases, type PolicyUser } from '../../domain/policy/policy-user.ts';
import { caseIdVisibleSql } from './case-visibility.ts';
import { allOf, anyOf, FALSE_SQL, inList } from './sql-audience.ts';

/** True when the task (table `alias`) is assigned to the user. */
export function taskAssignedSql(user: PolicyUser, alias = 'tasks'): RawBuilder<SqlBool> {
  const col = (name: string) => `${alias}.${name}`;
  return allOf([
    sql<SqlBool>`${sql.ref(col('assignee_agency_id'))} = ${user.agencyId}`,
    anyOf([sql<SqlBool>`${sql.ref(col('assignee_team_id'))} is null`, inList(col('assignee_team_id'), user.teamIds)]),
    anyOf([sql<SqlBool>`${sql.ref(col('assignee_user_id'))} is null`, sql<SqlBool>`${sql.ref(col('assignee_user_id'))} = ${user.id}`]),
  ]);
}

/** True exactly for the tasks the user may see. */
export function taskVisibleSql(user: PolicyUser, at: string, alias = 'tasks'): RawBuilder<SqlBool> {
  if (!readsCases(user)) {
    return FALSE_SQL;
  }
  return anyOf([caseIdVisibleSql(user, at, `${alias}.case_id`), taskAssignedSql(user, alias)]);
}
