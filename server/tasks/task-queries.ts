/** Reads tasks through the one task visibility filter, with derived `overdue` and the caller's abilities. */
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import { TaskDetailSchema, TaskRecordSchema, type TaskDetail, type TaskRecord } from '../../domain/entities/task.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { isAssignee } from '../../domain/policy/task-policy.ts';
import { caseIdVisibleSql } from '../access/case-visibility.ts';
import { taskAssignedSql, taskVisibleSql } from '../access/task-visibility.ts';
import type { TaskStatus } from '../../domain/vocabulary.ts';

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;

function selectTasks(db: Db, user: PolicyUser, at: string) {
  return db.selectFrom('tasks').innerJoin('cases as tc', 'tc.id', 'tasks.case_id')
    .selectAll('tasks')
    .select(['tc.owner_agency_id as case_owner_agency_id', sql<SqlBool>`${caseIdVisibleSql(user, at, 'tasks.case_id')}`.as('case_visible')])
    .where(taskVisibleSql(user, at, 'tasks'));
}
type TaskRow = Awaited<ReturnType<ReturnType<typeof selectTasks>['executeTakeFirstOrThrow']>>;

/** SQLite answers booleans as 0/1, PostgreSQL as true/false. */
const isTrue = (v: unknown) => v === true || v === 1 || v === '1';

/** True when the user may update the task: the assignee, or the case's owner agency when it sees the case (canUpdateTask). */
export function canUpdateTaskRow(user: PolicyUser, row: TaskRow): boolean {
  const task = { assigneeAgencyId: row.assignee_agency_id, assigneeTeamId: row.assignee_team_id, assigneeUserId: row.assignee_user_id };
  return isAssignee(user, task) || (row.case_owner_agency_id === user.agencyId && isTrue(row.case_visible));
}

/** A task row as the caller receives it; overdue means due before today and still open or in progress. */
export function toTaskRecord(row: TaskRow, user: PolicyUser, at: string): TaskRecord {
  const today = at.slice(0, 10);
  return TaskRecordSchema.parse({
    id: row.id, caseId: row.case_id, title: row.title, description: row.description, assigneeAgencyId: row.assignee_agency_id,
    assigneeTeamId: row.assignee_team_id, assigneeUserId: row.assignee_user_id, dueDate: row.due_date, status: row.status,
    overdue: row.due_date !== null && row.due_date < today && (row.status === 'open' || row.status === 'in_progress'),
    createdBy: row.created_by, createdAt: row.created_at, updatedAt: row.updated_at, version: row.version,
    abilities: { update: canUpdateTaskRow(user, row) },
  });
}

/** Loads a task the user may see; 404 otherwise. */
export async function loadVisibleTask(db: Db, id: string, user: PolicyUser, at: string): Promise<TaskRow> {
  const row = await selectTasks(db, user, at).where('tasks.id', '=', id).executeTakeFirst();
  if (!row) {
    throw new CodedError('not_found', 'No such task.');
  }
  return row;
}

/** A visible task with its updates thread. */
export async function taskDetail(db: Db, id: string, user: PolicyUser, at: string): Promise<TaskDetail> {
  const row = await loadVisibleTask(db, id, user, at);
  const updates = await db.selectFrom('task_updates').selectAll().where('task_id', '=', id).orderBy('created_at').orderBy('id').execute();
  return TaskDetailSchema.parse({
    ...toTaskRecord(row, user, at),
    updates: updates.map((u) => ({ id: u.id, authorUserId: u.author_user_id, body: u.body, createdAt: u.created_at })),
  });
}

/** The tasks the user may see (or, with `mine`, those assigned to them), soonest due first. */
export async function listTasks(
  db: Db, user: PolicyUser, at: string, f: { mine: boolean; caseId?: string | undefined; status?: TaskStatus | undefined; limit: number },
): Promise<TaskRecord[]> {
  const rows = await selectTasks(db, user, at)
    .$if(f.mine, (qb) => qb.where(taskAssignedSql(user, 'tasks')))
    .$if(f.caseId !== undefined, (qb) => qb.where('tasks.case_id', '=', f.caseId!))
    .$if(f.status !== undefined, (qb) => qb.where('tasks.status', '=', f.status!))
    .orderBy(sql`case when tasks.due_date is null then 1 else 0 end`).orderBy('tasks.due_date').orderBy('tasks.id')
    .limit(f.limit).execute();
  return rows.map((r) => toTaskRecord(r, user, at));
}
