/**
 * The `documents.upload` channel: sends a file to the server as the one `file` part of a multipart
 * upload; the server checks size, type and content, seals it and answers its SHA-256. Online only
 * (a file is not kept in the outbox); afterwards the offline copy is synced so the case lists it.
 */
import type { DocumentRecord } from '../../domain/entities/document.ts';
import { CodedError } from '../../domain/errors.ts';
import type { UploadDocumentInput } from '../../domain/ipc/document-channels.ts';
import { MAX_DOCUMENT_BYTES } from '../../domain/documents/max-document-bytes.ts';
import { whenOnline, type OnlineDeps } from './when-online.ts';

/** The API, a token, and a sync to run once the file is stored. */
export interface UploadDeps extends OnlineDeps {
  syncNow: () => Promise<unknown>;
}

/** Uploads the file; the server's refusals (too large, type not allowed, not your case) pass through with their codes. */
export async function uploadDocumentOnline(deps: UploadDeps, input: UploadDocumentInput): Promise<DocumentRecord> {
  const bytes = Buffer.from(input.base64, 'base64');
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new CodedError('payload_too_large', `A document may be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB.`);
  }
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: input.contentType }), input.fileName);
  const record = await whenOnline('Uploading a document needs a connection: try again when this computer is connected.', async () =>
    deps.api.call('uploadDocument', { params: { caseId: input.caseId }, body: form, accessToken: await deps.accessToken() }));
  // The upload is stored whatever the sync does next; a failed sync shows in the sync status.
  await deps.syncNow().catch(() => undefined);
  return record;
}
