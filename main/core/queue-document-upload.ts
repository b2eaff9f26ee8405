/**
 * The `documents.upload` channel: checks the file as the server does (size, type allow-list), seals
 * it into this computer's cache file store under a client-made id (never written in clear), queues a
 * `document.upload` (docs/sync.md, "Documents") and tries a sync at once. The case lists the document
 * straight away, marked as waiting to sync until the server holds it.
 */
import { createHash } from 'node:crypto';
import { checkUploadChoice } from '../../domain/documents/upload-choice.ts';
import { CodedError, isErrorCode } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import type { QueuedUpload, UploadDocumentInput } from '../../domain/ipc/document-channels.ts';
import type { CaseCache } from '../cache/case-cache.ts';
import type { LocalChange } from '../sync/queue-local-change.ts';
import type { SyncStore } from '../sync/sync-store.ts';

/** The unlocked session's cache and outbox, the engine's queue and a sync to try at once. */
export interface QueueDocumentUploadDeps {
  cache: CaseCache;
  outbox: Pick<SyncStore, 'itemState'>;
  enqueue: (change: LocalChange) => Promise<number>;
  syncNow: () => Promise<unknown>;
}

const REFUSAL_WORDS = {
  empty: 'The file is empty.',
  too_large: 'A document may be at most 20 MB.',
  type_not_allowed: 'This type of file cannot be attached (allowed: PDF, PNG, JPEG, DOCX, XLSX, MSG, TXT, CSV, EML).',
  extension_mismatch: 'The file name does not end as this type of file should.',
} as const;

/**
 * Queues the upload and answers its SHA-256 and whether it still waits to sync. A refusal of the
 * server during that first sync is thrown with its code (the change also shows among refused
 * changes, and the local copy is gone).
 */
export async function queueDocumentUpload(deps: QueueDocumentUploadDeps, input: UploadDocumentInput): Promise<QueuedUpload> {
  const content = Buffer.from(input.base64, 'base64');
  const refusal = checkUploadChoice({ name: input.fileName, type: input.contentType, size: content.length });
  if (refusal) {
    throw new CodedError(refusal === 'too_large' ? 'payload_too_large' : 'validation_error', REFUSAL_WORDS[refusal]);
  }
  const store = deps.cache.documentContent;
  if (!store) {
    throw new CodedError('internal_error', 'This offline copy cannot hold documents.');
  }
  const documentId = newId();
  const sha256 = createHash('sha256').update(content).digest('hex');
  // Sealed on disk before the change is queued, so no push ever finds a queued upload without its content.
  await store.writeQueued(documentId, content);
  let mutationId: number;
  try {
    mutationId = await deps.enqueue({
      name: 'document.upload',
      args: { documentId, caseId: input.caseId, fileName: input.fileName, contentType: input.contentType, sizeBytes: content.length, sha256 },
    });
  } catch (error) {
    await store.remove(documentId);
    throw error;
  }
  await deps.syncNow().catch(() => undefined);
  const state = await deps.outbox.itemState(mutationId);
  if (state?.state === 'rejected') {
    const code = state.error?.code;
    throw new CodedError(code !== undefined && isErrorCode(code) ? code : 'internal_error', state.error?.message ?? 'Refused by the server.');
  }
  return { documentId, fileName: input.fileName, sizeBytes: content.length, sha256, waitingToSync: state !== null };
}
