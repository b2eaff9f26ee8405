/** `report.create`: a partner who sees the case adds a report (append-only, so no conflict is possible). */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import { CodedError } from '../../../domain/errors.ts';
import { newId } from '../../../domain/ids.ts';
import { can, canSeeCase } from '../../../domain/policy/case-policy.ts';
import type { MutationArgs } from '../../../domain/sync/mutations.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { recordChange } from '../../changes/record-change.ts';
import { loadCaseForWrite, type MutationEnv, type MutationOutcome } from './mutation-env.ts';

/** Creates the report with its first kept version. */
export async function applyReportCreate(trx: Transaction<ServerDatabase>, env: MutationEnv, args: MutationArgs<'report.create'>): Promise<MutationOutcome> {
  const at = env.now.toISOString();
  const loaded = await loadCaseForWrite(trx, env, args.caseId);
  if (!loaded || !canSeeCase(env.user, loaded.policy, at)) {
    throw new CodedError('not_found', 'No such case.');
  }
  if (!can(env.user, 'add_report', loaded.policy, at)) {
    throw new CodedError('authorization_error', 'You may not add reports to this case.');
  }
  const taken = await trx.selectFrom('reports').select('id').where('id', '=', args.reportId).executeTakeFirst();
  if (taken) {
    throw new CodedError('conflict', 'A report with this id already exists.');
  }
  await trx.insertInto('reports').values({
    id: args.reportId, case_id: args.caseId, kind: args.kind, title: args.title, body: args.body,
    author_user_id: env.user.id, author_agency_id: env.user.agencyId, author_team_id: env.user.teamIds[0] ?? null,
    sharing_level: args.sharingLevel, created_at: at, updated_at: at, version: 1,
  }).execute();
  await trx.insertInto('report_versions').values({
    id: newId(), report_id: args.reportId, version: 1, title: args.title, body: args.body, edited_by: env.user.id, edited_at: at,
  }).execute();
  await recordChange(trx, { entity: 'report', entityId: args.reportId, op: 'upsert', caseId: args.caseId, at });
  await recordAudit(trx, {
    actor: env.actor, action: 'record.create', entityType: 'report', entityId: args.reportId, outcome: 'success',
    details: { caseId: args.caseId, kind: args.kind, sharingLevel: args.sharingLevel, via: 'sync.push' }, at: env.now,
  });
  return { status: 'applied' };
}
