/** Writes tasks: assign on a case, change (assignee or case owner agency), add updates. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import type { CreateTaskBody, PatchTaskBody } from '../../domain/entities/task.ts';
import { newId } from '../../domain/ids.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadCaseFor } from '../cases/case-policy-loader.ts';
import { assertTeamOfAgency } from '../cases/case-service.ts';
import { isoOf, type WriteContext } from '../changes/write-context.ts';
import { recordChange } from '../changes/record-change.ts';
import { notifyUsers } from '../notifications/notify-users.ts';
import { assertAgencySeesCase } from './task-assignees.ts';
import { canUpdateTaskRow, loadVisibleTask } from './task-queries.ts';

type Trx = Transaction<ServerDatabase>;

async function assertAssignee(trx: Trx, body: CreateTaskBody): Promise<void> {
  const agency = await trx.selectFrom('agencies').select('id').where('id', '=', body.assigneeAgencyId).executeTakeFirst();
  if (!agency) {
    throw new CodedError('validation_error', 'Invalid body at assigneeAgencyId: unknown agency.');
  }
  if (body.assigneeTeamId !== null) {
    await assertTeamOfAgency(trx, body.assigneeTeamId, body.assigneeAgencyId, 'assigneeTeamId');
  }
  if (body.assigneeUserId !== null) {
    const user = await trx.selectFrom('users').select(['agency_id', 'disabled']).where('id', '=', body.assigneeUserId).executeTakeFirst();
    const inTeam = body.assigneeTeamId === null || (await trx.selectFrom('user_teams').select('user_id')
      .where('user_id', '=', body.assigneeUserId).where('team_id', '=', body.assigneeTeamId).executeTakeFirst()) !== undefined;
    if (!user || user.agency_id !== body.assigneeAgencyId || !inTeam) {
      throw new CodedError('validation_error', 'Invalid body at assigneeUserId: not a user of that agency and team.');
    }
    // A disabled account never signs in again: a task given to it would wait for nobody.
    if (Number(user.disabled) !== 0) {
      throw new CodedError('validation_error', 'Invalid body at assigneeUserId: that account is disabled; assign the task to their team or agency.');
    }
  }
}

/** Assigns a task on a case the caller may add tasks to; returns the task id. */
export async function createTask(trx: Trx, w: WriteContext, caseId: string, body: CreateTaskBody, id: string = newId()): Promise<string> {
  const at = isoOf(w);
  const loaded = await loadCaseFor(trx, caseId, w.user, at, 'add_task');
  await assertAssignee(trx, body);
  await assertAgencySeesCase(trx, loaded, body.assigneeAgencyId);
  await trx.insertInto('tasks').values({
    id, case_id: caseId, title: body.title, description: body.description, assignee_agency_id: body.assigneeAgencyId,
    assignee_team_id: body.assigneeTeamId, assignee_user_id: body.assigneeUserId, due_date: body.dueDate, status: 'open',
    created_by: w.user.id, created_at: at, updated_at: at, version: 1,
  }).execute();
  await recordChange(trx, { entity: 'task', entityId: id, op: 'upsert', caseId, at });
  await recordAudit(trx, {
    actor: w.actor, action: 'record.create', entityType: 'task', entityId: id, outcome: 'success', at: w.now,
    details: { caseId, assigneeAgencyId: body.assigneeAgencyId, assigneeTeamId: body.assigneeTeamId, assigneeUserId: body.assigneeUserId },
  });
  await notifyUsers(trx, 'task_assigned', { agencyId: body.assigneeAgencyId, teamId: body.assigneeTeamId, userId: body.assigneeUserId }, { caseId, taskId: id }, at);
  return id;
}

async function loadForUpdate(trx: Trx, w: WriteContext, taskId: string) {
  const row = await loadVisibleTask(trx, taskId, w.user, isoOf(w));
  if (!canUpdateTaskRow(w.user, row)) {
    throw new CodedError('authorization_error', 'Only the assignee or the case owner agency may change this task.');
  }
  return row;
}

/** Changes a task's fields (last writer wins per field; the version bumps). */
export async function updateTask(trx: Trx, w: WriteContext, taskId: string, patch: PatchTaskBody): Promise<void> {
  const at = isoOf(w);
  const row = await loadForUpdate(trx, w, taskId);
  const next = {
    title: patch.title ?? row.title,
    description: patch.description ?? row.description,
    due_date: patch.dueDate !== undefined ? patch.dueDate : row.due_date,
    status: patch.status ?? row.status,
  };
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (next[key] !== row[key]) {
      changes[key] = [row[key], next[key]];
    }
  }
  if (Object.keys(changes).length === 0) {
    return;
  }
  const set = Object.fromEntries(Object.keys(changes).map((k) => [k, next[k as keyof typeof next]])) as Partial<typeof next>;
  await trx.updateTable('tasks').set((eb) => ({ ...set, updated_at: at, version: eb('version', '+', 1) })).where('id', '=', taskId).execute();
  await recordChange(trx, { entity: 'task', entityId: taskId, op: 'upsert', caseId: row.case_id, at });
  await recordAudit(trx, { actor: w.actor, action: 'record.update', entityType: 'task', entityId: taskId, outcome: 'success', at: w.now, details: { changes } });
}

/** Adds an update to a task's thread (append-only). */
export async function addTaskUpdate(trx: Trx, w: WriteContext, taskId: string, body: string, id: string = newId()): Promise<void> {
  const at = isoOf(w);
  const row = await loadForUpdate(trx, w, taskId);
  await trx.insertInto('task_updates').values({ id, task_id: taskId, author_user_id: w.user.id, body, created_at: at }).execute();
  await recordChange(trx, { entity: 'task_update', entityId: id, op: 'upsert', caseId: row.case_id, at });
  await recordAudit(trx, { actor: w.actor, action: 'record.create', entityType: 'task_update', entityId: id, outcome: 'success', at: w.now, details: { taskId } });
}
