/** `task.create`, `task.update` (status, last-writer-wins) and `task.addUpdate` (append-only) through the task service. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import type { MutationArgs } from '../../../domain/sync/mutations.ts';
import type { WriteContext } from '../../changes/write-context.ts';
import { addTaskUpdate, createTask, updateTask } from '../../tasks/task-service.ts';
import { assertIdFree } from './mutation-conflict.ts';

type Trx = Transaction<ServerDatabase>;

/** Creates an open task with the client's id. */
export async function applyTaskCreate(trx: Trx, env: WriteContext, args: MutationArgs<'task.create'>): Promise<void> {
  const { taskId, caseId, ...body } = args;
  await assertIdFree(trx, 'tasks', taskId);
  await createTask(trx, env, caseId, body, taskId);
}

/** Sets a task's status (the assignee or the case's owner agency). */
export async function applyTaskUpdate(trx: Trx, env: WriteContext, args: MutationArgs<'task.update'>): Promise<void> {
  await updateTask(trx, env, args.taskId, { status: args.status });
}

/** Appends an update to a task's thread with the client's id. */
export async function applyTaskAddUpdate(trx: Trx, env: WriteContext, args: MutationArgs<'task.addUpdate'>): Promise<void> {
  await assertIdFree(trx, 'task_updates', args.taskUpdateId);
  await addTaskUpdate(trx, env, args.taskId, args.body, args.taskUpdateId);
}
