/**
 * The anchors of each bootstrap phase: the ids a page is built around, in id order (keyset paging),
 * limited to what the user may see. Later phases leave out what an earlier phase already carried
 * inside a case's bundle, so most records travel once.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { BootstrapPhase } from '../../domain/http/sync-schemas.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { accessRequestVisibleSql } from '../access/access-request-visibility.ts';
import { caseIdVisibleSql, caseVisibleSql } from '../access/case-visibility.ts';
import { locationVisibleSql } from '../access/location-visibility.ts';
import { markerVisibleSql } from '../access/marker-visibility.ts';
import { personFullSql } from '../access/person-visibility.ts';
import { allOf } from '../access/sql-audience.ts';
import { taskVisibleSql } from '../access/task-visibility.ts';

/** Where a phase's anchors start and how many to take. */
export interface AnchorWindow {
  after: string | null;
  limit: number;
}

const ACTIVE_TASK_STATUSES = sql`('open', 'in_progress')`;

function not(condition: RawBuilder<SqlBool>): RawBuilder<SqlBool> {
  return sql<SqlBool>`not (${condition})`;
}

/** True for a case (as `cases`) with a task still to be done assigned to the user. */
function hasMyActiveTask(user: PolicyUser): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from tasks mt where mt.case_id = cases.id and mt.assignee_user_id = ${user.id}
    and mt.status in ${ACTIVE_TASK_STATUSES})`;
}

type AnchorTable = 'agencies' | 'tasks' | 'cases' | 'persons' | 'locations' | 'markers' | 'access_requests';

/** The table a phase pages over and the conditions on its rows (the table's own name is the alias). */
function phaseQuery(user: PolicyUser, at: string, phase: BootstrapPhase): { table: AnchorTable; where: RawBuilder<SqlBool>[] } {
  switch (phase) {
    case 'agencies':
      return { table: 'agencies', where: [] };
    case 'my_tasks': // tasks still to be done that are assigned to me; each brings its case
      return { table: 'tasks', where: [
        sql<SqlBool>`tasks.assignee_user_id = ${user.id} and tasks.status in ${ACTIVE_TASK_STATUSES}`, taskVisibleSql(user, at, 'tasks'),
      ] };
    case 'open_cases': // cases with a task of mine came in the previous phase
      return { table: 'cases', where: [sql<SqlBool>`cases.status = 'open'`, caseVisibleSql(user, at, 'cases'), not(hasMyActiveTask(user))] };
    case 'other_cases':
      return { table: 'cases', where: [sql<SqlBool>`cases.status <> 'open'`, caseVisibleSql(user, at, 'cases'), not(hasMyActiveTask(user))] };
    case 'persons': // subjects of visible cases came with their cases
      return { table: 'persons', where: [sql<SqlBool>`persons.merged_into_id is null`, personFullSql(user, at, 'persons'), not(sql<SqlBool>`exists (
        select 1 from case_subjects bs where bs.person_id = persons.id and ${caseIdVisibleSql(user, at, 'bs.case_id')})`)] };
    case 'locations': // places linked to visible cases came with their cases
      return { table: 'locations', where: [locationVisibleSql(user, at, 'locations'), not(sql<SqlBool>`exists (
        select 1 from case_locations bl where bl.location_id = locations.id and ${caseIdVisibleSql(user, at, 'bl.case_id')})`)] };
    case 'tasks': // tasks seen only because they are assigned here, on a case the user cannot see
      return { table: 'tasks', where: [taskVisibleSql(user, at, 'tasks'), not(caseIdVisibleSql(user, at, 'tasks.case_id'))] };
    case 'markers': // markers on visible cases came with their cases
      return { table: 'markers', where: [markerVisibleSql(user, at, 'markers'),
        not(sql<SqlBool>`markers.subject_type = 'case' and ${caseIdVisibleSql(user, at, 'markers.subject_id')}`)] };
    case 'access_requests':
      return { table: 'access_requests', where: [accessRequestVisibleSql(user, 'access_requests')] };
  }
}

/** The ids anchoring one page of a phase. */
export async function listAnchors(
  db: Kysely<ServerDatabase>, user: PolicyUser, at: string, phase: BootstrapPhase, window: AnchorWindow,
): Promise<string[]> {
  const { table, where } = phaseQuery(user, at, phase);
  const conditions = [...where, ...(window.after === null ? [] : [sql<SqlBool>`${sql.ref(`${table}.id`)} > ${window.after}`])];
  const rows = await sql<{ id: string }>`select ${sql.ref(`${table}.id`)} as id from ${sql.table(table)} where ${allOf(conditions)}
    order by ${sql.ref(`${table}.id`)} limit ${window.limit}`.execute(db);
  return rows.rows.map((r) => r.id);
}
