/**
 * Erases a case at the end of its retention (docs/audit.md, "Retention and erasure"): its content
 * leaves the server database in one transaction with a `delete` change (so every desktop that held
 * it removes it at its next pull), a metadata-only tombstone and a `record.erase` event; then its
 * document blobs, and the files of audit exports whose reason named it, are discarded and, on SQLite,
 * the WAL is checkpointed so no page image of it stays.
 */
import { sql } from 'kysely';
import type { ErasureTombstone } from '../../domain/entities/retention.ts';
import { CodedError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { isReviewDue } from '../../domain/retention/review-due.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { recordAudit, recordAuditNow, type AuditActor } from '../audit/record-audit.ts';
import { capturePrior } from '../changes/capture-prior.ts';
import { recordChange } from '../changes/record-change.ts';
import type { ServerContext } from '../context/server-context.ts';
import { withWrite } from '../db/write.ts';
import { exportPaths, removeExportFiles } from '../audit-exports/export-files.ts';
import { blobPath, discard } from '../documents/blob-store.ts';
import { eraseCaseRecords } from './erase-case-records.ts';
import { guardRetentionCase } from './guard-retention-case.ts';
import { loadRetentionCase, ruleText, type RetentionCase } from './retention-case.ts';

/** Why an erasure may not go ahead, or null when it may. */
function refusal(c: RetentionCase, confirmReference: string, today: string): CodedError | null {
  if (c.activeHoldIds.length > 0) {
    return new CodedError('legal_hold', 'A legal hold is on this case: release it before erasing.');
  }
  if (confirmReference !== c.reference) {
    return new CodedError('validation_error', "Invalid body at confirmReference: type the case's reference to confirm the erasure.");
  }
  if (c.latest?.decision !== 'erase') {
    return new CodedError('conflict', 'Record a review decision to erase this case first.');
  }
  if (!isReviewDue({ status: c.status, closedAt: c.closedAt }, c.rule.reviewAfterYears, null, today)) {
    return new CodedError('conflict', 'This case is not due for a retention review: only a closed case past its rule may be erased.');
  }
  return null;
}

/** Erases the case when the user may, it is due, decided for erasure and under no legal hold; answers its tombstone. */
export async function eraseCase(
  ctx: ServerContext, user: AuthUser, actor: AuditActor, caseId: string, body: { confirmReference: string; reason: string },
): Promise<ErasureTombstone> {
  const now = ctx.now();
  const at = now.toISOString();
  await guardRetentionCase(ctx.db, user, actor, caseId, 'record.erase', now);
  const erased = await withWrite(ctx, async (trx) => {
    // Read again inside the transaction: a hold placed meanwhile must still stop it.
    const c = await loadRetentionCase(trx, caseId);
    if (!c) {
      throw new CodedError('not_found', 'No such case owned by your agency.');
    }
    const refused = refusal(c, body.confirmReference, at.slice(0, 10));
    if (refused) {
      throw refused;
    }
    const prior = await capturePrior(trx, 'case', caseId, at);
    const records = await eraseCaseRecords(trx, caseId, c.ownerAgencyId, at);
    await recordChange(trx, { entity: 'case', entityId: caseId, op: 'delete', caseId, at, prior });
    const tombstone: ErasureTombstone = {
      id: newId(), entityType: 'case', entityId: caseId, ownerAgencyId: c.ownerAgencyId, caseType: c.caseType, rule: ruleText(c),
      closedAt: c.closedAt, erasedBy: user.id, erasedAt: at, erasedCounts: records.counts,
    };
    await trx.insertInto('erasure_tombstones').values({
      id: tombstone.id, entity_type: 'case', entity_id: caseId, owner_agency_id: c.ownerAgencyId, case_type: c.caseType, rule: tombstone.rule,
      closed_at: c.closedAt, erased_by: user.id, erased_at: at, erased_counts: JSON.stringify(records.counts),
    }).execute();
    // Metadata only: the tombstone's facts, never a title, name, address or text of what went.
    await recordAudit(trx, {
      actor, action: 'record.erase', entityType: 'case', entityId: caseId, outcome: 'success', at: now, justification: body.reason,
      details: { tombstoneId: tombstone.id, caseType: c.caseType, rule: tombstone.rule, counts: records.counts },
      subject: { caseId, ownerAgencyIds: [c.ownerAgencyId] },
    });
    return { tombstone, storageKeys: records.storageKeys, exports: records.exports };
  }).catch(async (error: unknown) => {
    if (error instanceof CodedError && error.code !== 'not_found') {
      // The refusal is recorded on its own: the transaction that found it changed nothing.
      await recordAuditNow(ctx.db, {
        actor, action: 'record.erase', entityType: 'case', entityId: caseId, outcome: 'denied', at: now, justification: body.reason, details: { problem: error.code },
      });
    }
    throw error;
  });
  // After the commit: a failed commit must not lose the content of a case that still exists.
  for (const key of erased.storageKeys) {
    await discard(blobPath(ctx.config.dataDir, key));
  }
  // Exports whose reason named what went: the manifest (and a PDF's title page) held it.
  for (const e of erased.exports) {
    await removeExportFiles(exportPaths(ctx.config.dataDir, e.id, e.format));
  }
  await scrubSqliteLog(ctx);
  return erased.tombstone;
}

/**
 * On SQLite (where `secure_delete` zeroes freed cells and pages), moves the WAL into the database
 * and truncates it, so the old page images holding the erased rows leave the disk. PostgreSQL
 * keeps dead tuples until VACUUM (docs/audit.md says what that means for an operator).
 */
export async function scrubSqliteLog(ctx: Pick<ServerContext, 'db' | 'dialect'>): Promise<void> {
  if (ctx.dialect === 'sqlite') {
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(ctx.db);
  }
}
