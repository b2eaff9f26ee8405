/** IPC channels over cached documents: their content, read from the offline copy or downloaded on demand. */
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

export const documentChannels = {
  /**
   * A cached document's content: `not_found` when the document is not in the offline copy;
   * `network_error` when it has not been downloaded yet and the server cannot be reached.
   */
  'documents.content': defineChannel({ input: z.object({ documentId: IdSchema }).strict(), output: DocumentContentSchema, needsSession: true }),
} as const;
