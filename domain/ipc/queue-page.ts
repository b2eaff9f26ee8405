/** The practitioner's case queue as the renderer receives it. */
import { z } from 'zod';
import { CaseStatusSchema, CaseTypeSchema, MarkerTypeSchema, RiskLevelSchema } from '../vocabulary.ts';

export const QueueRowSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  title: z.string(),
  caseType: CaseTypeSchema,
  /** The case type's name from the synced case types (its code until they arrive). */
  caseTypeLabel: z.string(),
  ownerAgencyName: z.string(),
  status: CaseStatusSchema,
  riskLevel: RiskLevelSchema,
  /** The next review date (YYYY-MM-DD), if the case has one. */
  reviewDate: z.iso.date().nullable(),
  updatedAt: z.string(),
  /** The kinds of active warning on the case, its people or its places (staff safety first); empty when none. */
  markerTypes: z.array(MarkerTypeSchema).default([]),
});
/** One row of the practitioner's case queue. */
export type QueueRow = z.infer<typeof QueueRowSchema>;

export const QueuePageSchema = z.object({
  rows: z.array(QueueRowSchema),
  total: z.number().int().nonnegative(),
  /**
   * True when more cases match than `total`: a text filter stops counting past 1,000 matches (or past
   * the end of the page asked for, if further), and the queue then says "more than 1,000 cases".
   */
  totalCapped: z.boolean().default(false),
});
/** A page of the case queue. */
export type QueuePage = z.infer<typeof QueuePageSchema>;

export const QueueChoicesSchema = z.object({
  caseTypes: z.array(z.object({ code: CaseTypeSchema, label: z.string() })),
  ownerAgencies: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
/** What the queue's filters offer: the case types and owner agencies present in the cache. */
export type QueueChoices = z.infer<typeof QueueChoicesSchema>;
