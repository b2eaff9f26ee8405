/**
 * Sends one queued upload (a `document.upload` outbox item) to `POST /cases/:caseId/documents` with
 * its client-made id, from its sealed copy in the cache file store. The id makes a replay (after a
 * crash or a lost answer) answer the stored document without storing it twice.
 */
import { CodedError } from '../../domain/errors.ts';
import type { MutationArgs } from '../../domain/sync/mutations.ts';
import type { ApiClient } from '../api/api-client.ts';

/** The sealed content of queued uploads in the cache file store. */
export interface QueuedUploadFiles {
  /** The verified content, or null when it is not on this computer. */
  read(documentId: string): Promise<Buffer | null>;
  /** Deletes the stored content (an upload the server refused leaves nothing behind). */
  remove(documentId: string): Promise<void>;
}

// The server's answers about this upload itself: it stays refused. Anything else (no connection, a
// server fault, an expired session) leaves it queued for the next push.
const REFUSALS = new Set(['validation_error', 'payload_too_large', 'authorization_error', 'not_found', 'conflict', 'legal_hold']);

/** Null once the server holds the document; the refusal when it will not take it. Outages throw. */
export async function sendQueuedUpload(
  files: QueuedUploadFiles | null, api: ApiClient, accessToken: () => Promise<string>, args: MutationArgs<'document.upload'>,
): Promise<{ code: string; message: string } | null> {
  let content: Buffer | null;
  try {
    content = files === null ? null : await files.read(args.documentId);
  } catch (error) {
    if (error instanceof CodedError) {
      return { code: error.code, message: error.message };
    }
    throw error;
  }
  if (content === null) {
    return { code: 'not_found', message: 'The file was not kept on this computer: attach it again.' };
  }
  const form = new FormData();
  form.append('documentId', args.documentId);
  form.append('file', new Blob([new Uint8Array(content)], { type: args.contentType }), args.fileName);
  try {
    await api.call('uploadDocument', { params: { caseId: args.caseId }, body: form, accessToken: await accessToken() });
    return null;
  } catch (error) {
    if (error instanceof CodedError && REFUSALS.has(error.code)) {
      return { code: error.code, message: error.message };
    }
    throw error;
  }
}
