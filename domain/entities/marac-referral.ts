/**
 * Wire shapes of a MARAC referral (docs/marac.md): every field of the referral form, and the record
 * the coordinator lists with its score, band, criteria and the repeat flag the server worked out.
 */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../ids.ts';
import { DashBandSchema } from '../marac/dash-scoring.ts';
import { ReferralConsentSchema } from '../marac/referral-consent.ts';
import { ReferralCriterionSchema } from '../marac/referral-criteria.ts';
import { GenderSchema, YesNoUnknownSchema } from '../vocabulary.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) => Text(max).nullable().default(null);

export { YesNoUnknownSchema } from '../vocabulary.ts';

export const ReferralContactSchema = z.object({
  name: Text(200), phone: Text(40), email: z.email().max(200).nullable().default(null),
}).strict();

export const ReferralVictimSchema = z.object({
  personId: IdSchema,
  address: OptionalText(500),
  phone: OptionalText(40),
  safeToCall: z.boolean(),
  safeContactTimes: OptionalText(500),
}).strict();

export const ReferralDiversitySchema = z.object({
  ethnicity: OptionalText(100),
  disability: YesNoUnknownSchema,
  sexualOrientation: OptionalText(100),
  lgbtPlus: YesNoUnknownSchema,
  gender: GenderSchema,
}).strict();

export const ReferralPerpetratorSchema = z.object({
  personId: IdSchema,
  relationshipToVictim: Text(100),
  address: OptionalText(500),
}).strict();

export const ReferralChildSchema = z.object({
  personId: IdSchema,
  relationshipToVictim: Text(100),
  relationshipToPerpetrator: Text(100),
  school: OptionalText(200),
}).strict();

/** The most incident dates a referral lists for the escalation criterion. */
export const MAX_INCIDENT_DATES = 100;

export const CreateMaracReferralBodySchema = z.object({
  maracAreaId: IdSchema,
  /** Links an existing case the caller may change; absent, a new domestic abuse / MARAC case is opened. */
  caseId: IdSchema.nullable().default(null),
  /** The victim's DASH assessment this referral rests on (the score and band come from it). */
  dashAssessmentId: IdSchema,
  /** The day the referral is made (an offline referral keeps the day it was made). */
  referredOn: z.iso.date(),
  contact: ReferralContactSchema,
  victim: ReferralVictimSchema,
  diversity: ReferralDiversitySchema,
  perpetrators: z.array(ReferralPerpetratorSchema).min(1).max(5),
  children: z.array(ReferralChildSchema).max(20).default([]),
  /** Professional judgement as a criterion: the reasons, or null. */
  professionalJudgementReasons: Text(4000).nullable().default(null),
  /** Dates of the incidents known in the escalation window (the area's rule decides whether escalation is met). */
  incidentDates: z.array(z.iso.date()).max(MAX_INCIDENT_DATES).default([]),
  consent: ReferralConsentSchema,
  afraidOf: OptionalText(2000),
  previousMaracs: OptionalText(2000),
}).strict().superRefine((b, ctx) => {
  const ids = [b.victim.personId, ...b.perpetrators.map((p) => p.personId), ...b.children.map((c) => c.personId)];
  if (new Set(ids).size !== ids.length) {
    ctx.addIssue({ code: 'custom', path: ['perpetrators'], message: 'the victim, each perpetrator and each child must be different people.' });
  }
});
/** A new referral as the form sends it. */
export type CreateMaracReferralBody = z.input<typeof CreateMaracReferralBodySchema>;
/** A new referral after defaults. */
export type MaracReferralInput = z.output<typeof CreateMaracReferralBodySchema>;

const PersonRef = z.object({ personId: IdSchema, displayName: z.string(), dateOfBirth: z.iso.date().nullable() });

export const MaracReferralRecordSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  caseReference: z.string(),
  maracArea: z.object({ id: IdSchema, name: z.string() }),
  referringAgency: z.object({ id: IdSchema, name: z.string() }),
  referredBy: z.object({ id: IdSchema, displayName: z.string() }),
  referredOn: z.iso.date(),
  dashAssessmentId: IdSchema,
  score: z.number().int().nonnegative(),
  band: DashBandSchema,
  criteria: z.array(ReferralCriterionSchema),
  /** Worked out by the server from earlier referrals of the same victim and perpetrator; never typed in. */
  repeat: z.boolean(),
  repeatOfReferralId: IdSchema.nullable(),
  victim: PersonRef.extend(ReferralVictimSchema.omit({ personId: true }).shape),
  perpetrators: z.array(PersonRef.extend(ReferralPerpetratorSchema.omit({ personId: true }).shape)),
  children: z.array(PersonRef.extend(ReferralChildSchema.omit({ personId: true }).shape)),
  contact: ReferralContactSchema,
  diversity: ReferralDiversitySchema,
  incidentDates: z.array(z.iso.date()),
  professionalJudgementReasons: z.string().nullable(),
  consent: ReferralConsentSchema,
  afraidOf: z.string().nullable(),
  previousMaracs: z.string().nullable(),
  createdAt: TimestampSchema,
});
/** A stored referral as its readers see it. */
export type MaracReferralRecord = z.infer<typeof MaracReferralRecordSchema>;

export const MaracAreaRecordSchema = z.object({
  id: IdSchema,
  name: z.string(),
  coordinatorAgency: z.object({ id: IdSchema, name: z.string() }),
  escalationIncidents: z.number().int().positive(),
  escalationMonths: z.number().int().positive(),
});
/** A MARAC area: who coordinates it and its escalation rule. */
export type MaracAreaRecord = z.infer<typeof MaracAreaRecordSchema>;
