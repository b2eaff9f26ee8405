/**
 * The MARAC meeting pack as typed data (docs/marac.md): everything a meeting could print, with the
 * policy inputs of every part, before it is cut down to one recipient's copy (meeting-pack-copy.ts).
 * Meetings feed it later; the pack engine only ever sees this shape.
 */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../ids.ts';
import { ReportSharingLevelSchema, SharingLevelSchema } from '../vocabulary.ts';
import { bandOfScore, bandRank, DashBandSchema } from './dash-scoring.ts';
import { REFERRAL_CRITERIA, ReferralCriterionSchema } from './referral-criteria.ts';

/** A calendar date, `YYYY-MM-DD`. */
export const PackDateSchema = z.iso.date();

/** Free text printed in the pack: bounded, and always printed literally (never read as markup). */
const packText = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable();

export const RESEARCH_NATURES = ['fact', 'opinion'] as const;
/** Research keeps what an agency holds as fact apart from its professional opinion. */
export type ResearchNature = (typeof RESEARCH_NATURES)[number];

export const PACK_ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
/** Where a MARAC action stands (its task's status). */
export type PackActionStatus = (typeof PACK_ACTION_STATUSES)[number];

/** The policy inputs of a case (domain/policy/case-policy.ts), carried so the copy is cut by the same rules. */
export const PackCaseAccessSchema = z.object({
  ownerAgencyId: IdSchema,
  ownerTeamId: IdSchema.nullable(),
  ownerUserId: IdSchema.nullable(),
  sharingLevel: SharingLevelSchema,
  sharedAgencyIds: z.array(IdSchema).max(100),
  sharedTeamIds: z.array(IdSchema).max(200),
  sharedUserIds: z.array(IdSchema).max(500),
  grants: z.array(z.object({ userId: IdSchema, expiresAt: TimestampSchema, revokedAt: TimestampSchema.nullable() })).max(500),
}).strict();

/** What was referred and by whom. */
export const PackReferralSchema = z.object({
  referringAgencyName: packText(200),
  referredOn: PackDateSchema,
  victimName: packText(200),
  perpetratorNames: z.array(packText(200)).max(10),
  summary: packText(20_000),
}).strict();

/**
 * The DASH checklist result of the referral. Professional judgement may raise the band above the
 * score's, never lower it, and `raisedByJudgement` says whether it did.
 */
export const PackDashSchema = z.object({
  score: z.number().int().min(0).max(24),
  band: DashBandSchema,
  /** True when professional judgement raised the band above what the score gives. */
  raisedByJudgement: z.boolean(),
  questionnaireVersion: packText(40),
}).strict().superRefine((dash, ctx) => {
  const scored = bandRank(bandOfScore(dash.score));
  const printed = bandRank(dash.band);
  if (printed < scored) {
    ctx.addIssue({ code: 'custom', path: ['band'], message: 'Professional judgement can raise the band, never lower it' });
  } else if (dash.raisedByJudgement !== printed > scored) {
    ctx.addIssue({ code: 'custom', path: ['raisedByJudgement'], message: 'Must say whether the band is above what the score gives' });
  }
});

/** A child in the household. */
export const PackChildSchema = z.object({
  name: packText(200),
  dateOfBirth: PackDateSchema.nullable(),
  relationshipToVictim: optionalText(200),
  relationshipToPerpetrator: optionalText(200),
  school: optionalText(200),
}).strict();

/**
 * One item of research an agency shared for the meeting. It is a report of that agency inside the
 * case, so it carries a report's policy inputs: `case` follows the case, any other level restricts it.
 */
export const PackResearchSchema = z.object({
  id: IdSchema,
  authorAgencyId: IdSchema,
  authorAgencyName: packText(200),
  authorTeamId: IdSchema.nullable(),
  authorUserId: IdSchema,
  sharingLevel: ReportSharingLevelSchema,
  sharedAgencyIds: z.array(IdSchema).max(100),
  sharedTeamIds: z.array(IdSchema).max(200),
  sharedUserIds: z.array(IdSchema).max(500),
  nature: z.enum(RESEARCH_NATURES),
  text: packText(50_000),
  recordedAt: TimestampSchema,
}).strict();

/** An action on the case: a task owned by an agency. */
export const PackActionSchema = z.object({
  id: IdSchema,
  description: packText(2_000),
  ownerAgencyId: IdSchema,
  ownerAgencyName: packText(200),
  ownerTeamId: IdSchema.nullable(),
  ownerUserId: IdSchema.nullable(),
  dueOn: PackDateSchema,
  status: z.enum(PACK_ACTION_STATUSES),
}).strict();

/** One case on the agenda, with everything the pack prints about it. */
export const PackCaseSchema = z.object({
  caseId: IdSchema,
  reference: packText(40),
  emergency: z.boolean(),
  access: PackCaseAccessSchema,
  referral: PackReferralSchema,
  dash: PackDashSchema,
  criteria: z.array(ReferralCriterionSchema).max(REFERRAL_CRITERIA.length),
  /** Flagged automatically from the golden nominal, never typed in. */
  repeat: z.boolean(),
  children: z.array(PackChildSchema).max(30),
  research: z.array(PackResearchSchema).max(200),
  /** Outstanding actions, carried forward until done. */
  actions: z.array(PackActionSchema).max(200),
}).strict();

/** The meeting's details, printed on the cover. */
export const PackMeetingSchema = z.object({
  id: IdSchema,
  date: PackDateSchema,
  area: packText(200),
  chair: packText(200),
  coordinator: packText(200),
  confidentialityStatement: packText(5_000),
}).strict();

/** A whole meeting pack: meeting details and the agenda's cases, in agenda order. */
export const MeetingPackSchema = z.object({
  meeting: PackMeetingSchema,
  cases: z.array(PackCaseSchema).max(100),
}).strict();

/** A whole meeting pack before it is cut to a recipient. */
export type MeetingPack = z.infer<typeof MeetingPackSchema>;
/** One agenda case of a pack. */
export type PackCase = z.infer<typeof PackCaseSchema>;
/** One research item of a pack. */
export type PackResearch = z.infer<typeof PackResearchSchema>;
/** One action of a pack. */
export type PackAction = z.infer<typeof PackActionSchema>;
/** A child printed in a pack. */
export type PackChild = z.infer<typeof PackChildSchema>;
