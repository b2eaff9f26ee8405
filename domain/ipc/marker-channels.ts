/**
 * The markers the user's agency owns that are due for review, from the offline copy. Placing, editing,
 * reviewing and ending a marker are sync mutations (`marker.create`, `marker.update` through `changes.submit`).
 */
import { z } from 'zod';
import { IdSchema } from '../ids.ts';
import { MarkerSubjectTypeSchema, MarkerTypeSchema } from '../vocabulary.ts';
import { defineChannel } from './channel.ts';

/** How far ahead the review-due list looks: a review date within this many days (or past) is due. */
export const MARKER_REVIEW_WINDOW_DAYS = 14;

export const MarkerReviewItemSchema = z.object({
  id: IdSchema,
  markerType: MarkerTypeSchema,
  description: z.string(),
  subjectType: MarkerSubjectTypeSchema,
  subjectId: IdSchema,
  /** The person's name, the place's address or the case's reference and title; null when the offline copy does not hold it. */
  subjectName: z.string().nullable(),
  /** Where the link goes: the case itself, or for a place a case it is on (null when none is held). Persons link to their profile. */
  caseId: IdSchema.nullable(),
  reviewDate: z.iso.date(),
  expiresAt: z.string().nullable(),
  /** The review date has passed. */
  overdue: z.boolean(),
});
/** One marker due for review. */
export type MarkerReviewItem = z.infer<typeof MarkerReviewItemSchema>;

export const markerChannels = {
  /** Active markers of the user's agency whose review date has passed or falls within the window, soonest first. */
  'markers.reviewDue': defineChannel({ input: z.object({}).strict(), output: z.object({ markers: z.array(MarkerReviewItemSchema) }), needsSession: true }),
} as const;
