/** `task.update` (status, last-writer-wins) and `task.addUpdate` (append-only thread): the assignee or the case's owner agency. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import { CodedError } from '../../../domain/errors.ts';
import { canSeeTask, canUpdateTask, type PolicyTask } from '../../../domain/policy/task-policy.ts';
import type { MutationArgs } from '../../../domain/sync/mutations.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { recordChange } from '../../changes/record-change.ts';
import { loadCaseForWrite, type MutationEnv, type MutationOutcome } from './mutation-env.ts';

async function loadTaskForUpdate(trx: Transaction<ServerDatabase>, env: MutationEnv, taskId: string) {
  const query = trx.selectFrom('tasks').selectAll().where('id', '=', taskId);
  const task = await (env.dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
  const loaded = task ? await loadCaseForWrite(trx, env, task.case_id) : undefined;
  const at = env.now.toISOString();
  if (!task || !loaded) {
    throw new CodedError('not_found', 'No such task.');
  }
  const policyTask: PolicyTask = { assigneeAgencyId: task.assignee_agency_id, assigneeTeamId: task.assignee_team_id, assigneeUserId: task.assignee_user_id };
  if (!canSeeTask(env.user, policyTask, loaded.policy, at)) {
    throw new CodedError('not_found', 'No such task.');
  }
  if (!canUpdateTask(env.user, policyTask, loaded.policy, at)) {
    throw new CodedError('authorization_error', 'You may not work on this task.');
  }
  return task;
}

/** Sets a task's status (a plain field: the last writer wins). */
export async function applyTaskUpdate(trx: Transaction<ServerDatabase>, env: MutationEnv, args: MutationArgs<'task.update'>): Promise<MutationOutcome> {
  const task = await loadTaskForUpdate(trx, env, args.taskId);
  if (task.status === args.status) {
    return { status: 'applied' };
  }
  const at = env.now.toISOString();
  await trx.updateTable('tasks').set((eb) => ({ status: args.status, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', task.id).execute();
  await recordChange(trx, { entity: 'task', entityId: task.id, op: 'upsert', caseId: task.case_id, at });
  await recordAudit(trx, {
    actor: env.actor, action: 'record.update', entityType: 'task', entityId: task.id, outcome: 'success',
    details: { changes: { status: [task.status, args.status] }, via: 'sync.push' }, at: env.now,
  });
  return { status: 'applied' };
}

/** Appends an update to a task's thread. */
export async function applyTaskAddUpdate(trx: Transaction<ServerDatabase>, env: MutationEnv, args: MutationArgs<'task.addUpdate'>): Promise<MutationOutcome> {
  const task = await loadTaskForUpdate(trx, env, args.taskId);
  const taken = await trx.selectFrom('task_updates').select('id').where('id', '=', args.taskUpdateId).executeTakeFirst();
  if (taken) {
    throw new CodedError('conflict', 'A task update with this id already exists.');
  }
  const at = env.now.toISOString();
  await trx.insertInto('task_updates').values({ id: args.taskUpdateId, task_id: task.id, author_user_id: env.user.id, body: args.body, created_at: at }).execute();
  await recordChange(trx, { entity: 'task_update', entityId: args.taskUpdateId, op: 'upsert', caseId: task.case_id, at });
  await recordAudit(trx, {
    actor: env.actor, action: 'record.create', entityType: 'task_update', entityId: args.taskUpdateId, outcome: 'success',
    details: { taskId: task.id, via: 'sync.push' }, at: env.now,
  });
  return { status: 'applied' };
}
