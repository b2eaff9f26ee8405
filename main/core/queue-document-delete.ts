/**
 * The `documents.delete` channel: queues a `document.delete` (docs/sync.md, "Documents"), online or
 * not, then tries a sync at once. The document leaves the case screen at once; the push deletes it on
 * the server (its uploader or a manager of its agency; audited there) and a refusal brings it back.
 */
import { CodedError } from '../../domain/errors.ts';
import type { CaseCache } from '../cache/case-cache.ts';
import type { LocalChange } from '../sync/queue-local-change.ts';

/** The unlocked session's cache and the sync engine's queue. */
export interface QueueDocumentDeleteDeps {
  cache: CaseCache;
  enqueue: (change: LocalChange) => Promise<number>;
  syncNow: () => Promise<unknown>;
}

/** Queues the deletion of a cached document; `not_found` when the offline copy does not hold it. */
export async function queueDocumentDelete(deps: QueueDocumentDeleteDeps, documentId: string): Promise<null> {
  const meta = await deps.cache.documentContent?.meta(documentId);
  if (!meta) {
    throw new CodedError('not_found', 'This document is not in the offline copy.');
  }
  await deps.enqueue({ name: 'document.delete', args: { documentId, caseId: meta.caseId } });
  // Pushed now when the server can be reached; offline the change waits (a failed sync shows in the sync status).
  await deps.syncNow().catch(() => undefined);
  return null;
}
