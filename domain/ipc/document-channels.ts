/** IPC channels over documents: cached content, read from the offline copy or downloaded on demand, and uploads. */
import { z } from 'zod';
import { DocumentRecordSchema } from '../entities/document.ts';
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

export const documentChannels = {
  /**
   * A cached document's content: `not_found` when the document is not in the offline copy;
   * `network_error` when it has not been downloaded yet and the server cannot be reached.
   */
  'documents.content': defineChannel({ input: z.object({ documentId: IdSchema }).strict(), output: DocumentContentSchema, needsSession: true }),
  /**
   * Uploads a file to a case (`POST /cases/:caseId/documents`; online only: a file is not queued);
   * answers the stored document with its SHA-256, then syncs so the case lists it.
   */
  'documents.upload': defineChannel({ input: UploadDocumentInputSchema, output: DocumentRecordSchema, needsSession: true }),
  /**
   * Deletes a document and its content on the server (`DELETE /documents/:id`: its uploader or a
   * manager of its agency; audited there). Online only, `network_error` saying so; afterwards the
   * offline copy is synced, so the document and its stored file leave this computer too.
   */
  'documents.delete': defineChannel({ input: z.object({ documentId: IdSchema }).strict(), output: z.null(), needsSession: true }),
} as const;
