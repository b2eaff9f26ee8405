/** Retention rules, the review-due list, review decisions, legal holds and erasure (docs/audit.md). */
import { z } from 'zod';
import {
  EraseCaseBodySchema, ErasureTombstoneSchema, LegalHoldBodySchema, LegalHoldSchema, RetentionDecisionBodySchema, RetentionDecisionSchema,
  RetentionReviewItemSchema, RetentionReviewQuerySchema, RetentionRuleSchema, SetRetentionRuleBodySchema,
} from '../entities/retention.ts';
import { defineRoute, IdParams, NoBody, NoQuery } from './route.ts';

const CaseTypeParams = z.object({ caseType: z.string().min(1).max(40) }).strict();

export const retentionRoutes = {
  listRetentionRules: defineRoute({
    method: 'GET', path: '/retention/rules', auth: true, tag: 'retention',
    summary: 'The retention rule of every case type (system admins and data officers)',
    query: NoQuery, body: NoBody, response: z.object({ rules: z.array(RetentionRuleSchema) }),
  }),
  setRetentionRule: defineRoute({
    method: 'PUT', path: '/retention/rules/:caseType', auth: true, tag: 'retention',
    summary: "Set a case type's retention rule: review N years after closure (system admins only; audited)",
    params: CaseTypeParams, query: NoQuery, body: SetRetentionRuleBodySchema, response: RetentionRuleSchema,
  }),
  listRetentionReviews: defineRoute({
    method: 'GET', path: '/retention/reviews', auth: true, tag: 'retention',
    summary: "The caller's agency's closed cases due for a retention review by a date, oldest due first (data officers; no case content)",
    query: RetentionReviewQuerySchema, body: NoBody, response: z.object({ items: z.array(RetentionReviewItemSchema) }),
  }),
  decideRetention: defineRoute({
    method: 'POST', path: '/retention/cases/:id/decisions', auth: true, tag: 'retention',
    summary: 'Record a review decision on a closed case: keep until a date, or erase (data officer of the owning agency; audited)',
    params: IdParams, query: NoQuery, body: RetentionDecisionBodySchema, response: RetentionDecisionSchema,
  }),
  placeLegalHold: defineRoute({
    method: 'POST', path: '/retention/cases/:id/holds', auth: true, tag: 'retention',
    summary: 'Place a legal hold on a case: it cannot be erased until released (data officer of the owning agency; audited)',
    params: IdParams, query: NoQuery, body: LegalHoldBodySchema, response: LegalHoldSchema,
  }),
  releaseLegalHold: defineRoute({
    method: 'POST', path: '/retention/holds/:id/release', auth: true, tag: 'retention',
    summary: 'Release a legal hold (data officer of the owning agency; audited)',
    params: IdParams, query: NoQuery, body: z.object({}).strict().optional(), response: z.object({ released: z.literal(true) }),
  }),
  eraseCase: defineRoute({
    method: 'POST', path: '/retention/cases/:id/erase', auth: true, tag: 'retention',
    summary: 'Erase a closed case due for review with an erase decision and no legal hold: its content leaves the server and every desktop; a tombstone stays',
    params: IdParams, query: NoQuery, body: EraseCaseBodySchema, response: ErasureTombstoneSchema,
  }),
};
