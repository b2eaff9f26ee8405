/** Retention rules, review decisions, legal holds and erasure tombstones (docs/audit.md, "Retention and erasure"). */
import { z } from 'zod';
import { IdSchema } from '../ids.ts';

/** A case type's rule: review this many whole years after closure. */
export const RetentionRuleSchema = z.object({
  caseType: z.string(),
  label: z.string(),
  reviewAfterYears: z.number().int().min(1).max(100),
  version: z.number().int().min(0),
  setAt: z.string().nullable(),
});
/** A case type's retention rule. */
export type RetentionRule = z.infer<typeof RetentionRuleSchema>;

/** A system admin's change to one rule. */
export const SetRetentionRuleBodySchema = z.object({ reviewAfterYears: z.number().int().min(1).max(100) }).strict();

/** The words a data officer writes with a decision, hold or erasure: why (kept out of the erased content's reach). */
const ReasonSchema = z.string().trim().min(10).max(2000);

/** A review decision: keep until a later date, or erase. */
export const RetentionDecisionBodySchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('keep'), keepUntil: z.iso.date(), reason: ReasonSchema }).strict(),
  z.object({ decision: z.literal('erase'), reason: ReasonSchema }).strict(),
]);
/** A review decision as sent. */
export type RetentionDecisionBody = z.infer<typeof RetentionDecisionBodySchema>;

/** A legal hold placed on a case. */
export const LegalHoldBodySchema = z.object({ reason: ReasonSchema }).strict();

/** Erasing a case: the case's reference typed again as confirmation, and the reason. */
export const EraseCaseBodySchema = z.object({ confirmReference: z.string().trim().min(1).max(40), reason: ReasonSchema }).strict();

/** A legal hold as listed (the reason is the data officer's, not case content). */
export const LegalHoldSchema = z.object({
  id: IdSchema, reason: z.string(), placedBy: z.string(), placedAt: z.string(),
});

/** The latest review decision on a case. */
export const RetentionDecisionSchema = z.object({
  decision: z.enum(['keep', 'erase']), keepUntil: z.iso.date().nullable(), reason: z.string(), decidedBy: z.string(), decidedAt: z.string(),
});

/**
 * One closed case on the review-due list: identifiers, type, dates, the latest decision and holds.
 * Never the title or other content: a data officer reads content only through break-glass.
 */
export const RetentionReviewItemSchema = z.object({
  caseId: IdSchema,
  reference: z.string(),
  caseType: z.string(),
  closedAt: z.string(),
  reviewAfterYears: z.number().int(),
  dueOn: z.iso.date(),
  latestDecision: RetentionDecisionSchema.nullable(),
  holds: z.array(LegalHoldSchema),
});
/** A case on the review-due list. */
export type RetentionReviewItem = z.infer<typeof RetentionReviewItemSchema>;

/** The review-due list query: cases due on or before `dueBy` (default today). */
export const RetentionReviewQuerySchema = z.object({
  dueBy: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
}).strict();

/** What an erasure leaves: metadata only. */
export const ErasureTombstoneSchema = z.object({
  id: IdSchema,
  entityType: z.literal('case'),
  entityId: IdSchema,
  ownerAgencyId: IdSchema,
  caseType: z.string(),
  rule: z.string(),
  closedAt: z.string().nullable(),
  erasedBy: IdSchema,
  erasedAt: z.string(),
  erasedCounts: z.record(z.string(), z.number().int().min(0)),
});
/** An erasure tombstone. */
export type ErasureTombstone = z.infer<typeof ErasureTombstoneSchema>;
