/**
 * MARAC on the desktop (docs/marac.md): areas, a person's DASH history, the coordinator's referral
 * list, and the online way to record a checklist or a referral and see the server's score and repeat
 * flag at once. Offline, the same changes go through `changes.submit` and are settled at push.
 */
import { z } from 'zod';
import { CreateDashAssessmentBodySchema, DashAssessmentRecordSchema } from '../entities/dash-assessment.ts';
import { CreateMaracReferralBodySchema, MaracAreaRecordSchema, MaracReferralRecordSchema } from '../entities/marac-referral.ts';
import { IdSchema, TimestampSchema } from '../ids.ts';
import { defineChannel } from './channel.ts';

export const maracChannels = {
  'marac.areas': defineChannel({ input: z.null(), output: z.object({ areas: z.array(MaracAreaRecordSchema) }), needsSession: true }),
  'marac.assessments.list': defineChannel({
    input: z.object({ personId: IdSchema }).strict(),
    output: z.object({ assessments: z.array(DashAssessmentRecordSchema), reassessmentDue: TimestampSchema.nullable() }),
    needsSession: true,
  }),
  'marac.assessments.create': defineChannel({
    input: z.object({ personId: IdSchema, assessment: CreateDashAssessmentBodySchema }).strict(), output: DashAssessmentRecordSchema, needsSession: true,
  }),
  'marac.referrals.create': defineChannel({ input: z.object({ referral: CreateMaracReferralBodySchema }).strict(), output: MaracReferralRecordSchema, needsSession: true }),
  'marac.referrals.list': defineChannel({
    input: z.object({ maracAreaId: IdSchema.optional() }).strict(), output: z.object({ referrals: z.array(MaracReferralRecordSchema) }), needsSession: true,
  }),
} as const;
