/** `task.create`: anyone who sees the case may set a task for an agency, team or user. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import { CodedError } from '../../../domain/errors.ts';
import { can, canSeeCase } from '../../../domain/policy/case-policy.ts';
import type { MutationArgs } from '../../../domain/sync/mutations.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { recordChange } from '../../changes/record-change.ts';
import { loadCaseForWrite, type MutationEnv, type MutationOutcome } from './mutation-env.ts';

/** Creates an open task after checking that the assignee team and user belong to the assignee agency. */
export async function applyTaskCreate(trx: Transaction<ServerDatabase>, env: MutationEnv, args: MutationArgs<'task.create'>): Promise<MutationOutcome> {
  const at = env.now.toISOString();
  const loaded = await loadCaseForWrite(trx, env, args.caseId);
  if (!loaded || !canSeeCase(env.user, loaded.policy, at)) {
    throw new CodedError('not_found', 'No such case.');
  }
  if (!can(env.user, 'add_task', loaded.policy, at)) {
    throw new CodedError('authorization_error', 'You may not add tasks to this case.');
  }
  await checkAssignee(trx, args);
  const taken = await trx.selectFrom('tasks').select('id').where('id', '=', args.taskId).executeTakeFirst();
  if (taken) {
    throw new CodedError('conflict', 'A task with this id already exists.');
  }
  await trx.insertInto('tasks').values({
    id: args.taskId, case_id: args.caseId, title: args.title, description: args.description,
    assignee_agency_id: args.assigneeAgencyId, assignee_team_id: args.assigneeTeamId, assignee_user_id: args.assigneeUserId,
    due_date: args.dueDate, status: 'open', created_by: env.user.id, created_at: at, updated_at: at, version: 1,
  }).execute();
  await recordChange(trx, { entity: 'task', entityId: args.taskId, op: 'upsert', caseId: args.caseId, at });
  await recordAudit(trx, {
    actor: env.actor, action: 'record.create', entityType: 'task', entityId: args.taskId, outcome: 'success',
    details: { caseId: args.caseId, assigneeAgencyId: args.assigneeAgencyId, via: 'sync.push' }, at: env.now,
  });
  return { status: 'applied' };
}

async function checkAssignee(trx: Transaction<ServerDatabase>, args: MutationArgs<'task.create'>): Promise<void> {
  const agency = await trx.selectFrom('agencies').select('id').where('id', '=', args.assigneeAgencyId).executeTakeFirst();
  if (!agency) {
    throw new CodedError('validation_error', 'The assignee agency does not exist.');
  }
  if (args.assigneeTeamId !== null) {
    const team = await trx.selectFrom('teams').select('id').where('id', '=', args.assigneeTeamId)
      .where('agency_id', '=', args.assigneeAgencyId).executeTakeFirst();
    if (!team) {
      throw new CodedError('validation_error', 'The assignee team is not a team of the assignee agency.');
    }
  }
  if (args.assigneeUserId !== null) {
    const user = await trx.selectFrom('users').select('id').where('id', '=', args.assigneeUserId)
      .where('agency_id', '=', args.assigneeAgencyId).where('disabled', '=', 0).executeTakeFirst();
    const inTeam = args.assigneeTeamId === null || (await trx.selectFrom('user_teams').select('user_id')
      .where('user_id', '=', args.assigneeUserId).where('team_id', '=', args.assigneeTeamId).executeTakeFirst()) !== undefined;
    if (!user || !inTeam) {
      throw new CodedError('validation_error', 'The assignee user is not an active member of the assignee agency and team.');
    }
  }
}
