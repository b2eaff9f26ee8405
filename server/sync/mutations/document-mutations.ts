/**
 * `document.delete` through the same rule and transaction as `DELETE /documents/:id` (the uploader
 * or a manager of the owning agency; audited); the stored blob goes once the push has committed.
 */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import type { MutationArgs } from '../../../domain/sync/mutations.ts';
import type { WriteContext } from '../../changes/write-context.ts';
import { blobPath, discard } from '../../documents/blob-store.ts';
import { deleteDocumentRow } from '../../documents/delete-document.ts';

/** Deletes a document the user may delete; refused as the route refuses (not found, not theirs). */
export async function applyDocumentDelete(trx: Transaction<ServerDatabase>, env: WriteContext, args: MutationArgs<'document.delete'>): Promise<void> {
  const storageKey = await deleteDocumentRow(trx, env, args.documentId, args.caseId);
  env.afterCommit?.push((dataDir) => discard(blobPath(dataDir, storageKey)));
}
