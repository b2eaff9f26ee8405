/** MARAC: DASH risk assessments of a person, MARAC areas and referrals (docs/marac.md). */
import { z } from 'zod';
import { CreateDashAssessmentBodySchema, DashAssessmentRecordSchema } from '../entities/dash-assessment.ts';
import { CreateMaracReferralBodySchema, MaracAreaRecordSchema, MaracReferralRecordSchema } from '../entities/marac-referral.ts';
import { IdSchema, TimestampSchema } from '../ids.ts';
import { defineRoute, IdParams, NoBody, NoQuery } from './route.ts';

export const MaracReferralListQuerySchema = z.object({
  maracAreaId: IdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
}).strict();

export const maracRoutes = {
  createDashAssessment: defineRoute({
    method: 'POST', path: '/persons/:id/dash-assessments', auth: true, tag: 'marac',
    summary: 'Record a DASH risk assessment of a person the caller sees in full; the server scores and bands it',
    params: IdParams, query: NoQuery, body: CreateDashAssessmentBodySchema, response: DashAssessmentRecordSchema,
  }),
  listDashAssessments: defineRoute({
    method: 'GET', path: '/persons/:id/dash-assessments', auth: true, tag: 'marac',
    summary: "A person's DASH assessments the caller may see, newest first, with when the next reassessment is due (audited)",
    params: IdParams, query: NoQuery, body: NoBody,
    response: z.object({ assessments: z.array(DashAssessmentRecordSchema), reassessmentDue: TimestampSchema.nullable() }),
  }),
  listMaracAreas: defineRoute({
    method: 'GET', path: '/marac/areas', auth: true, tag: 'marac', summary: 'The MARAC areas and their escalation rules',
    query: NoQuery, body: NoBody, response: z.object({ areas: z.array(MaracAreaRecordSchema) }),
  }),
  createMaracReferral: defineRoute({
    method: 'POST', path: '/marac/referrals', auth: true, tag: 'marac',
    summary: 'Refer a victim to MARAC: opens (or links) the case, adds the people, works out the criteria and the repeat flag',
    query: NoQuery, body: CreateMaracReferralBodySchema, response: MaracReferralRecordSchema,
  }),
  listMaracReferrals: defineRoute({
    method: 'GET', path: '/marac/referrals', auth: true, tag: 'marac',
    summary: "MARAC coordinators: the referrals of the areas their agency coordinates, newest first (audited)",
    query: MaracReferralListQuerySchema, body: NoBody, response: z.object({ referrals: z.array(MaracReferralRecordSchema) }),
  }),
  getMaracReferral: defineRoute({
    method: 'GET', path: '/marac/referrals/:id', auth: true, tag: 'marac', summary: 'One referral, for whoever sees its case (audited)',
    params: IdParams, query: NoQuery, body: NoBody, response: MaracReferralRecordSchema,
  }),
} as const;
