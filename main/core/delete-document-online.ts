/**
 * The `documents.delete` channel: asks the server to delete a document (it checks who may, removes
 * the content and audits it), then syncs, so the pull's removal takes the document and its stored
 * file off this computer. Online only: a deletion is not queued.
 */
import { whenOnline } from './when-online.ts';
import type { UploadDeps } from './upload-document-online.ts';

/** Deletes the document; the server's refusals (not yours to delete, not found) pass through with their codes. */
export async function deleteDocumentOnline(deps: UploadDeps, documentId: string): Promise<null> {
  await whenOnline('Deleting a document needs a connection: try again when this computer is connected.', async () =>
    deps.api.call('deleteDocument', { params: { id: documentId }, accessToken: await deps.accessToken() }));
  // The document is deleted whatever the sync does next; a failed sync shows in the sync status.
  await deps.syncNow().catch(() => undefined);
  return null;
}
