/**
 * Retention on the desktop (docs/audit.md, "Retention and erasure"): the data officer's review-due
 * list, decisions, legal holds and erasure, and the system admin's rules. All are the server's and
 * need a connection; nothing of them is kept on this computer.
 */
import { z } from 'zod';
import {
  EraseCaseBodySchema, ErasureTombstoneSchema, LegalHoldBodySchema, LegalHoldSchema, RetentionDecisionBodySchema, RetentionDecisionSchema,
  RetentionReviewItemSchema, RetentionRuleSchema, SetRetentionRuleBodySchema,
} from '../entities/retention.ts';
import { IdSchema } from '../ids.ts';
import { defineChannel } from './channel.ts';

export const retentionChannels = {
  'retention.reviews': defineChannel({
    input: z.object({ dueBy: z.iso.date().optional() }).strict(), output: z.object({ items: z.array(RetentionReviewItemSchema) }), needsSession: true,
  }),
  'retention.decide': defineChannel({
    input: z.object({ caseId: IdSchema, decision: RetentionDecisionBodySchema }).strict(), output: RetentionDecisionSchema, needsSession: true,
  }),
  'retention.placeHold': defineChannel({ input: LegalHoldBodySchema.extend({ caseId: IdSchema }).strict(), output: LegalHoldSchema, needsSession: true }),
  'retention.releaseHold': defineChannel({ input: z.object({ holdId: IdSchema }).strict(), output: z.object({ released: z.literal(true) }), needsSession: true }),
  'retention.erase': defineChannel({ input: EraseCaseBodySchema.extend({ caseId: IdSchema }).strict(), output: ErasureTombstoneSchema, needsSession: true }),
  'retention.rules': defineChannel({ input: z.null(), output: z.object({ rules: z.array(RetentionRuleSchema) }), needsSession: true }),
  'retention.setRule': defineChannel({
    input: SetRetentionRuleBodySchema.extend({ caseType: z.string().min(1).max(40) }).strict(), output: RetentionRuleSchema, needsSession: true,
  }),
} as const;
