/** IPC channels over documents: cached content, read from the offline copy or downloaded on demand, and uploads. */
import { z } from 'zod';
import { MAX_DOCUMENT_BYTES } from '../documents/max-document-bytes.ts';
import { IdSchema } from '../ids.ts';
import { defineChannel } from './channel.ts';

export const DocumentContentSchema = z.object({
  documentId: IdSchema,
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int().nonnegative().max(MAX_DOCUMENT_BYTES),
  /** The content, base64; never more than a document's size limit. */
  base64: z.string().max(Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4),
});
/** A document's decrypted content for the renderer to show or save. */
export type DocumentContent = z.infer<typeof DocumentContentSchema>;

export const UploadDocumentInputSchema = z.object({
  caseId: IdSchema,
  /** As the user's file is named; the server sanitises it (a label, never a path). */
  fileName: z.string().min(1).max(255),
  /** The type the operating system declares; the server checks it against the content. */
  contentType: z.string().min(1).max(200),
  base64: z.string().min(1).max(Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4),
}).strict();
/** A file to attach to a case. */
export type UploadDocumentInput = z.infer<typeof UploadDocumentInputSchema>;

export const QueuedUploadSchema = z.object({
  documentId: IdSchema,
  fileName: z.string(),
  sizeBytes: z.number().int().positive().max(MAX_DOCUMENT_BYTES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** True while the server does not hold it yet (offline, or the first sync did not reach it). */
  waitingToSync: z.boolean(),
});
/** A file attached to a case: kept sealed on this computer and queued, perhaps already uploaded. */
export type QueuedUpload = z.infer<typeof QueuedUploadSchema>;

export const documentChannels = {
  /**
   * A cached document's content: `not_found` when the document is not in the offline copy;
   * `network_error` when it has not been downloaded yet and the server cannot be reached.
   */
  'documents.content': defineChannel({ input: z.object({ documentId: IdSchema }).strict(), output: DocumentContentSchema, needsSession: true }),
  /**
   * Attaches a file to a case, online or not (docs/sync.md, "Documents"): checked (size, type), sealed
   * in the cache file store and queued as a `document.upload`, then a sync is tried at once; answers
   * its SHA-256 and whether it still waits to sync. A refusal by the server in that sync is the error.
   */
  'documents.upload': defineChannel({ input: UploadDocumentInputSchema, output: QueuedUploadSchema, needsSession: true }),
  /**
   * Deletes a document, online or not: queues a `document.delete` (the uploader or a manager of its
   * agency, as the last sync said; the server checks again and audits it), so the case screen drops
   * it at once, then tries a sync. A refusal at push brings it back and shows among refused changes.
   */
  'documents.delete': defineChannel({ input: z.object({ documentId: IdSchema }).strict(), output: z.null(), needsSession: true }),
} as const;
