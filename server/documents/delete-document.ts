/** Deletes a document: row and shares in one transaction with its change and audit, then the blob. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { canDeleteDocument } from '../../domain/documents/document-abilities.ts';
import { CodedError } from '../../domain/errors.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { capturePrior } from '../changes/capture-prior.ts';
import { recordChange } from '../changes/record-change.ts';
import type { WriteContext } from '../changes/write-context.ts';
import { withWrite } from '../db/write.ts';
import type { ServerContext } from '../context/server-context.ts';
import { blobPath, discard } from './blob-store.ts';
import { findVisibleDocument } from './document-record.ts';

/** Deletes a visible document the user may delete; 404 when invisible, 403 when visible but not theirs to delete. */
export async function deleteDocument(ctx: ServerContext, user: AuthUser, actor: AuditActor, id: string): Promise<void> {
  const now = ctx.now();
  const storageKey = await withWrite(ctx, (trx) => deleteDocumentRow(trx, { user, actor, now }, id));
  // After commit: a failed commit must not lose the content of a document that still exists.
  await discard(blobPath(ctx.config.dataDir, storageKey));
}

/**
 * The transactional part of a deletion, shared with the `document.delete` sync mutation: the row and
 * its shares go with their change and audit. Returns the storage key, whose blob the caller discards
 * once the transaction has committed. A `caseId` given must be the document's case (else not found).
 */
export async function deleteDocumentRow(trx: Transaction<ServerDatabase>, env: WriteContext, id: string, caseId?: string): Promise<string> {
  const { user, actor, now } = env;
  const at = now.toISOString();
  const row = await findVisibleDocument(trx, user, at, id);
  if (!row || (caseId !== undefined && row.case_id !== caseId)) {
    throw new CodedError('not_found', 'No such document.');
  }
  if (!canDeleteDocument(user, { uploadedBy: row.uploaded_by, ownerAgencyId: row.owner_agency_id })) {
    throw new CodedError('authorization_error', 'Only the uploader or a manager of the owning agency may delete this document.');
  }
  const prior = await capturePrior(trx, 'document', id, at);
  await trx.deleteFrom('document_shares').where('document_id', '=', id).execute();
  const deleted = await trx.deleteFrom('documents').where('id', '=', id).executeTakeFirst();
  if (Number(deleted.numDeletedRows) !== 1) {
    throw new CodedError('conflict', 'The document was deleted meanwhile.');
  }
  await recordChange(trx, { entity: 'document', entityId: id, op: 'delete', caseId: row.case_id, at, prior });
  // Metadata only: never the file name or content of what was erased.
  await recordAudit(trx, {
    actor, action: 'record.delete', entityType: 'document', entityId: id, outcome: 'success', at: now,
    details: { caseId: row.case_id, reportId: row.report_id, contentType: row.content_type, sizeBytes: Number(row.size_bytes), sha256: row.sha256 },
  });
  return row.storage_key;
}
