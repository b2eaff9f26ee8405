/** The text fields of a multipart document upload, as strings on the wire. */
import { z } from 'zod';
import { IdSchema } from '../ids.ts';
import { DocumentSharesSchema, DocumentSharingLevelSchema } from '../entities/document.ts';

/** Parses the `shares` field, sent as a JSON string inside the form. */
const SharesField = z.string().max(16_384).transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'shares must be JSON' });
    return z.NEVER;
  }
}).pipe(DocumentSharesSchema);

export const UploadFieldsSchema = z.object({
  /**
   * The id the desktop made for a document it queued offline (docs/sync.md, "Documents"): sending the
   * same upload again (a replay after a crash or a lost answer) answers the stored document and
   * stores nothing more; an id already used for anything else is a conflict.
   */
  documentId: IdSchema.optional(),
  reportId: IdSchema.optional(),
  sharingLevel: DocumentSharingLevelSchema.default('parent'),
  /** The owning team; defaults to the uploader's team when they belong to exactly one. */
  teamId: IdSchema.optional(),
  shares: SharesField.optional(),
}).strict();
/** The parsed upload fields. */
export type UploadFields = z.output<typeof UploadFieldsSchema>;
