/** Wire shapes of markers: warnings on a case, person or location, shown as banners. */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../ids.ts';
import { MarkerSubjectTypeSchema, MarkerTypeSchema } from '../vocabulary.ts';

export const MarkerRecordSchema = z.object({
  id: IdSchema,
  subjectType: MarkerSubjectTypeSchema,
  subjectId: IdSchema,
  markerType: MarkerTypeSchema,
  description: z.string(),
  ownerAgencyId: IdSchema,
  createdBy: IdSchema,
  reviewDate: z.iso.date(),
  expiresAt: TimestampSchema.nullable(),
  /** False once `expiresAt` has passed. */
  active: z.boolean(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  version: z.number().int().positive(),
  abilities: z.object({ update: z.boolean() }),
});
/** A marker with the caller's abilities. */
export type MarkerRecord = z.infer<typeof MarkerRecordSchema>;

export const CreateMarkerBodySchema = z.object({
  subjectType: MarkerSubjectTypeSchema,
  subjectId: IdSchema,
  markerType: MarkerTypeSchema,
  description: z.string().trim().min(1).max(2000),
  reviewDate: z.iso.date(),
  expiresAt: TimestampSchema.nullable().default(null),
}).strict();
/** What a new marker needs. */
export type CreateMarkerBody = z.infer<typeof CreateMarkerBodySchema>;

export const PatchMarkerBodySchema = z.object({
  markerType: MarkerTypeSchema.optional(),
  description: CreateMarkerBodySchema.shape.description.optional(),
  reviewDate: z.iso.date().optional(),
  expiresAt: TimestampSchema.nullable().optional(),
}).strict();
/** A change to a marker. */
export type PatchMarkerBody = z.infer<typeof PatchMarkerBodySchema>;

export const MarkerListQuerySchema = z.object({
  subjectType: MarkerSubjectTypeSchema,
  subjectId: IdSchema,
  includeExpired: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
}).strict();
