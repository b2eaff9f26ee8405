/** `case.update` through the case service: plain fields last-writer-wins; risk level and status/closure by compare-and-set on baseVersion. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import type { PatchCaseBody } from '../../../domain/entities/case.ts';
import { CodedError } from '../../../domain/errors.ts';
import { CASE_SAFETY_FIELDS, type MutationArgs } from '../../../domain/sync/mutations.ts';
import { updateCase } from '../../cases/case-service.ts';
import type { WriteContext } from '../../changes/write-context.ts';
import { MutationConflict } from './mutation-conflict.ts';

/**
 * Applies a case update. The baseVersion becomes the service's expectedVersion only when a
 * safety-critical field changes (a plain edit from an older version still wins); a failed
 * compare-and-set becomes a MutationConflict carrying the case's current safety fields.
 */
export async function applyCaseUpdate(
  trx: Transaction<ServerDatabase>, env: WriteContext, args: MutationArgs<'case.update'>, baseVersion: number | undefined,
): Promise<void> {
  const { caseId, ...fields } = args;
  const safety = CASE_SAFETY_FIELDS.some((f) => args[f] !== undefined);
  const patch: PatchCaseBody = { ...fields, ...(safety && baseVersion !== undefined ? { expectedVersion: baseVersion } : {}) };
  try {
    await updateCase(trx, env, caseId, patch);
  } catch (error) {
    if (error instanceof CodedError && error.code === 'conflict') {
      // Only reached after the service's visibility and permission checks passed.
      const row = await trx.selectFrom('cases').select(['version', 'risk_level', 'status', 'closure_reason'])
        .where('id', '=', caseId).executeTakeFirstOrThrow();
      throw new MutationConflict(row.version, { riskLevel: row.risk_level, status: row.status, closureReason: row.closure_reason });
    }
    throw error;
  }
}
