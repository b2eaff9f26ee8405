/** `case.update`: plain fields last-writer-wins; risk level and status/closure by compare-and-set on baseVersion. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import { CodedError } from '../../../domain/errors.ts';
import { can, canSeeCase } from '../../../domain/policy/case-policy.ts';
import type { MutationArgs } from '../../../domain/sync/mutations.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { recordChange } from '../../changes/record-change.ts';
import { loadCaseForWrite, type MutationEnv, type MutationOutcome } from './mutation-env.ts';

/** Applies a case update, or answers a conflict without writing when a safety-critical field is stale. */
export async function applyCaseUpdate(
  trx: Transaction<ServerDatabase>, env: MutationEnv, args: MutationArgs<'case.update'>, baseVersion: number | undefined,
): Promise<MutationOutcome> {
  const at = env.now.toISOString();
  const loaded = await loadCaseForWrite(trx, env, args.caseId);
  if (!loaded || !canSeeCase(env.user, loaded.policy, at)) {
    throw new CodedError('not_found', 'No such case.');
  }
  const { row, policy } = loaded;
  const closing = args.status === 'closed' && row.status !== 'closed';
  if (!can(env.user, 'update', policy, at) || (closing && !can(env.user, 'close', policy, at))) {
    throw new CodedError('authorization_error', 'You may not change this case.');
  }
  const safety = args.riskLevel !== undefined || args.status !== undefined || args.closureReason !== undefined;
  if (safety && baseVersion === undefined) {
    throw new CodedError('validation_error', 'Risk level, status and closure reason need the baseVersion they were edited from.');
  }
  if (safety && baseVersion !== row.version) {
    return {
      status: 'conflict', serverVersion: row.version,
      serverValue: { riskLevel: row.risk_level, status: row.status, closureReason: row.closure_reason },
    };
  }
  const status = args.status ?? row.status;
  const closureReason = status === 'open' ? null : args.closureReason !== undefined ? args.closureReason : row.closure_reason;
  if (status === 'closed' && !closureReason) {
    throw new CodedError('validation_error', 'Closing a case needs a closure reason.');
  }
  const next = {
    title: args.title ?? row.title, review_date: args.reviewDate !== undefined ? args.reviewDate : row.review_date,
    risk_level: args.riskLevel ?? row.risk_level, status, closure_reason: closureReason,
  };
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [field, value] of Object.entries(next)) {
    const old = row[field as keyof typeof next];
    if (old !== value) {
      changes[field] = [old, value];
    }
  }
  if (Object.keys(changes).length === 0) {
    return { status: 'applied' };
  }
  const seq = await recordChange(trx, { entity: 'case', entityId: row.id, op: 'upsert', caseId: row.id, at });
  // Compare-and-set in the UPDATE itself: never overwrite a version the client did not see.
  const updated = await trx.updateTable('cases')
    .set((eb) => ({ ...next, updated_at: at, seq, version: eb('version', '+', 1) }))
    .where('id', '=', row.id).where('version', '=', safety ? baseVersion! : row.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    throw new CodedError('conflict', 'The case changed while this update was applied; try again.');
  }
  await recordAudit(trx, {
    actor: env.actor, action: 'record.update', entityType: 'case', entityId: row.id, outcome: 'success',
    details: { changes, via: 'sync.push' }, at: env.now,
  });
  return { status: 'applied' };
}
