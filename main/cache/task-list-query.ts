/**
 * Tasks from the offline copy for the tasks screen and the task screen: who they are assigned to,
 * whether they are overdue or escalated (domain/policy/task-escalation.ts), worked out here from the
 * copy so they work offline.
 */
import { sql, type Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import {
  TaskDetailViewSchema, TaskListSchema, type TaskDetailView, type TaskList, type TaskListRow, type TaskListViewName,
} from '../../domain/ipc/task-channels.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { escalatesTo, isTaskActive, isTaskEscalated, isTaskOverdue } from '../../domain/policy/task-escalation.ts';
import { escalationDays } from './escalation-days.ts';
import { isAssignee } from '../../domain/policy/task-policy.ts';
import type { TaskStatus } from '../../domain/vocabulary.ts';

type Db = Kysely<CacheDatabase>;

const UNKNOWN_AGENCY = 'Unknown agency';

function selectTasks(db: Db) {
  return db.selectFrom('tasks').leftJoin('cases', 'cases.id', 'tasks.case_id').leftJoin('agencies', 'agencies.id', 'tasks.assignee_agency_id')
    .select([
      'tasks.id', 'tasks.title', 'tasks.description', 'tasks.case_id', 'tasks.status', 'tasks.due_date', 'tasks.assignee_agency_id',
      'tasks.assignee_team_id', 'tasks.assignee_user_id', 'tasks.created_by', 'tasks.created_at', 'tasks.updated_at', 'tasks.version',
      'tasks.updates', 'tasks.abilities', 'cases.reference', 'cases.title as case_title', 'cases.owner_agency_id', 'cases.owner_team_id',
      'cases.owner_user_id', 'agencies.name as agency_name',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof selectTasks>['executeTakeFirstOrThrow']>>;

const policyTask = (r: Row) => ({ assigneeAgencyId: r.assignee_agency_id, assigneeTeamId: r.assignee_team_id, assigneeUserId: r.assignee_user_id });
const caseOf = (r: Row) => (r.owner_agency_id === null ? null : { ownerAgencyId: r.owner_agency_id, ownerTeamId: r.owner_team_id, ownerUserId: r.owner_user_id });

/** A task of one of the user's teams: given to that team, or to someone in it. */
function isTeamTask(user: PolicyUser, r: Row): boolean {
  return r.assignee_agency_id === user.agencyId && r.assignee_team_id !== null && user.teamIds.includes(r.assignee_team_id);
}

function toRow(r: Row, user: PolicyUser, today: string, days: number): TaskListRow {
  const task = { dueDate: r.due_date, status: r.status };
  return {
    id: r.id, title: r.title, caseId: r.case_id, caseReference: r.reference, status: r.status as TaskStatus, dueDate: r.due_date,
    overdue: isTaskOverdue(task, today), escalated: isTaskEscalated(task, today, days),
    assignee: {
      agencyName: r.agency_name ?? UNKNOWN_AGENCY,
      kind: r.assignee_user_id !== null ? 'user' : r.assignee_team_id !== null ? 'team' : 'agency',
      mine: isAssignee(user, policyTask(r)),
    },
  };
}

/** The tasks of one view, as of `at`: still to be done first (soonest due first), then the rest (newest change first). */
export async function queryTaskList(db: Db, user: PolicyUser, view: TaskListViewName, at: Date): Promise<TaskList> {
  const today = at.toISOString().slice(0, 10);
  const days = await escalationDays(db);
  const rows = await selectTasks(db).orderBy('tasks.updated_at', 'desc').orderBy('tasks.id').execute();
  const chosen = rows.filter((r) => {
    switch (view) {
      case 'mine':
        return isAssignee(user, policyTask(r));
      case 'team':
        return isTeamTask(user, r);
      case 'escalated':
        return isTaskEscalated({ dueDate: r.due_date, status: r.status }, today, days) && escalatesTo(user, policyTask(r), caseOf(r));
    }
    return false;
  });
  const active = chosen.filter((r) => isTaskActive(r.status))
    .sort((a, b) => (a.due_date ?? '9999') .localeCompare(b.due_date ?? '9999') || a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
  const rest = chosen.filter((r) => !isTaskActive(r.status));
  return TaskListSchema.parse({ view, rows: [...active, ...rest].map((r) => toRow(r, user, today, days)), escalationDays: days });
}

function canUpdate(r: Row, user: PolicyUser): boolean {
  if (r.abilities !== null) {
    try {
      return (JSON.parse(r.abilities) as { update?: unknown }).update === true;
    } catch {
      return false;
    }
  }
  // Made offline and not yet synced: the policy's own rule (the server re-checks at push).
  return isAssignee(user, policyTask(r)) || r.owner_agency_id === user.agencyId;
}

/** One task with its thread and the user's unsettled changes to it; `not_found` when the copy does not hold it. */
export async function queryTaskDetail(db: Db, taskId: string, user: PolicyUser, at: Date): Promise<TaskDetailView> {
  const r = await selectTasks(db).where('tasks.id', '=', taskId).executeTakeFirst();
  if (!r) {
    throw new CodedError('not_found', 'This task is not in your offline copy.');
  }
  const outbox = await db.selectFrom('outbox').select((eb) => ['outbox.state', eb.fn.countAll<number>().as('n')])
    .where(sql`json_extract(outbox.args, '$.taskId')`, '=', taskId)
    .groupBy('outbox.state').execute();
  const count = (state: string) => Number(outbox.find((o) => o.state === state)?.n ?? 0);
  const thread = JSON.parse(r.updates) as Array<{ id: string; authorUserId: string; body: string; createdAt: string }>;
  return TaskDetailViewSchema.parse({
    task: {
      ...toRow(r, user, at.toISOString().slice(0, 10), await escalationDays(db)), description: r.description, createdAt: r.created_at, updatedAt: r.updated_at,
      createdByMe: r.created_by === user.id, version: r.version, canUpdate: canUpdate(r, user),
    },
    caseTitle: r.case_title,
    updates: [...thread].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
      .map((u) => ({ id: u.id, body: u.body, createdAt: u.createdAt, byMe: u.authorUserId === user.id })),
    localChanges: { pending: count('pending'), rejected: count('rejected'), conflicts: count('conflict') },
  });
}

/** The agencies the copy knows see the case (owner first, then those it is shared with): the assignees offered offline. */
export async function queryCaseAgencies(db: Db, caseId: string): Promise<Array<{ id: string; name: string; owner: boolean }>> {
  const c = await db.selectFrom('cases').select(['owner_agency_id', 'shared_agency_ids', 'sharing_level']).where('id', '=', caseId).executeTakeFirst();
  if (!c) {
    throw new CodedError('not_found', 'This case is not in your offline copy.');
  }
  const shared = c.sharing_level === 'shared' ? (JSON.parse(c.shared_agency_ids) as string[]) : [];
  const ids = [c.owner_agency_id, ...shared.filter((id) => id !== c.owner_agency_id)];
  const names = new Map((await db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', ids).execute()).map((a) => [a.id, a.name]));
  const partners = ids.slice(1).map((id) => ({ id, name: names.get(id) ?? UNKNOWN_AGENCY, owner: false })).sort((a, b) => a.name.localeCompare(b.name));
  return [{ id: c.owner_agency_id, name: names.get(c.owner_agency_id) ?? UNKNOWN_AGENCY, owner: true }, ...partners];
}
