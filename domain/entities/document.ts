/** Wire shape of a document's metadata (the content is served separately, after a visibility check). */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../ids.ts';
import { SHARING_LEVELS } from '../vocabulary.ts';

export const DOCUMENT_SHARING_LEVELS = ['parent', ...SHARING_LEVELS] as const;
/** `parent` follows the report or case the document is attached to; the rest restrict it further. */
export type DocumentSharingLevel = (typeof DOCUMENT_SHARING_LEVELS)[number];
export const DocumentSharingLevelSchema = z.enum(DOCUMENT_SHARING_LEVELS);

export const DocumentSharesSchema = z.object({
  agencyIds: z.array(IdSchema).max(50).default([]),
  teamIds: z.array(IdSchema).max(50).default([]),
  userIds: z.array(IdSchema).max(50).default([]),
}).strict();
/** Named grantees of a `shared` document. */
export type DocumentShares = z.infer<typeof DocumentSharesSchema>;

export const DocumentAbilitiesSchema = z.object({ download: z.boolean(), delete: z.boolean() });

export const DocumentRecordSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  reportId: IdSchema.nullable(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  ownerAgencyId: IdSchema,
  ownerTeamId: IdSchema.nullable(),
  uploadedBy: IdSchema,
  sharingLevel: DocumentSharingLevelSchema,
  shares: z.object({ agencyIds: z.array(IdSchema), teamIds: z.array(IdSchema), userIds: z.array(IdSchema) }),
  createdAt: TimestampSchema,
  abilities: DocumentAbilitiesSchema,
});
/** A document's metadata as the caller may see it. */
export type DocumentRecord = z.infer<typeof DocumentRecordSchema>;
