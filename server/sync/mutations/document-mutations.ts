/**
 * `document.upload` (confirmed: the content went through the upload route first) and `document.delete` through the same rule and transaction as `DELETE /documents/:id` (the uploader
 * or a manager of the owning agency; audited); the stored blob goes once the push has committed.
 */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import type { MutationArgs } from '../../../domain/sync/mutations.ts';
import type { WriteContext } from '../../changes/write-context.ts';
import { blobPath, discard } from '../../documents/blob-store.ts';
import { deleteDocumentRow } from '../../documents/delete-document.ts';
import { CodedError } from '../../../domain/errors.ts';

/** Deletes a document the user may delete; refused as the route refuses (not found, not theirs). */
export async function applyDocumentDelete(trx: Transaction<ServerDatabase>, env: WriteContext, args: MutationArgs<'document.delete'>): Promise<void> {
  const storageKey = await deleteDocumentRow(trx, env, args.documentId, args.caseId);
  env.afterCommit?.push((dataDir) => discard(blobPath(dataDir, storageKey)));
}

/**
 * Applied only when the server holds the document the desktop uploaded under this id (the push sends
 * the content to the upload route first): by this user, on this case, with this SHA-256. It writes
 * nothing; the upload route stored, recorded and audited the document.
 */
export async function applyDocumentUpload(trx: Transaction<ServerDatabase>, env: WriteContext, args: MutationArgs<'document.upload'>): Promise<void> {
  const row = await trx.selectFrom('documents').select(['uploaded_by', 'case_id', 'sha256']).where('id', '=', args.documentId).executeTakeFirst();
  if (!row || row.uploaded_by !== env.user.id || row.case_id !== args.caseId || row.sha256 !== args.sha256) {
    throw new CodedError('validation_error', 'A document\'s content is sent to its case\'s upload route before this change.');
  }
}
