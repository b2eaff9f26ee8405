/**
 * Wire shapes of a DASH risk assessment (docs/marac.md): the questionnaire version, one answer per
 * question with an optional comment and source, and an optional professional judgement that raises
 * the level. The body schema checks the answers against the named version and the judgement rule.
 */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../ids.ts';
import { DashAnswerValueSchema, dashQuestionnaire } from '../marac/dash-questionnaire.ts';
import { DashBandSchema, dashScore, judgementProblem } from '../marac/dash-scoring.ts';

/** The longest comment on one answer. */
export const DASH_COMMENT_MAX = 2000;

export const DashAnswerSchema = z.object({
  n: z.number().int().min(1).max(100),
  answer: DashAnswerValueSchema,
  comment: z.string().trim().min(1).max(DASH_COMMENT_MAX).optional(),
  /** Who gave the answer when it was not the victim (e.g. "attending officer", "neighbour"). */
  source: z.string().trim().min(1).max(200).optional(),
}).strict();
/** One answered question. */
export type DashAnswer = z.infer<typeof DashAnswerSchema>;

export const ProfessionalJudgementSchema = z.object({
  band: DashBandSchema,
  reasons: z.string().trim().min(10).max(4000),
}).strict();

export const CreateDashAssessmentBodySchema = z.object({
  version: z.string().min(1).max(20),
  answers: z.array(DashAnswerSchema).max(100),
  professionalJudgement: ProfessionalJudgementSchema.nullable().default(null),
}).strict().superRefine((body, ctx) => {
  const questionnaire = dashQuestionnaire(body.version);
  if (!questionnaire) {
    ctx.addIssue({ code: 'custom', path: ['version'], message: `"${body.version}" is not a DASH questionnaire version.` });
    return;
  }
  const seen = new Set<number>();
  body.answers.forEach((a, i) => {
    if (!questionnaire.questions.some((q) => q.n === a.n)) {
      ctx.addIssue({ code: 'custom', path: ['answers', i, 'n'], message: `version ${body.version} has no question ${a.n}.` });
    } else if (seen.has(a.n)) {
      ctx.addIssue({ code: 'custom', path: ['answers', i, 'n'], message: `question ${a.n} is answered twice.` });
    }
    seen.add(a.n);
  });
  const missing = questionnaire.questions.filter((q) => !seen.has(q.n)).map((q) => q.n);
  if (missing.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['answers'], message: `every question needs an answer (missing ${missing.join(', ')}); use "not asked" for those not asked.` });
  }
  const problem = judgementProblem(dashScore(body.answers), body.professionalJudgement);
  if (problem !== null) {
    ctx.addIssue({ code: 'custom', path: ['professionalJudgement', 'band'], message: problem });
  }
}).meta({
  // A complete example for the OpenAPI page and schema-driven tests: every question of 2015, not asked.
  examples: [{ version: '2015', answers: Array.from({ length: 24 }, (_, i) => ({ n: i + 1, answer: 'not_asked' })), professionalJudgement: null }],
});
/** A new assessment as the practitioner fills it in. */
export type CreateDashAssessmentBody = z.input<typeof CreateDashAssessmentBodySchema>;

export const DashAssessmentRecordSchema = z.object({
  id: IdSchema,
  personId: IdSchema,
  version: z.string(),
  answers: z.array(DashAnswerSchema),
  score: z.number().int().nonnegative(),
  /** The band of the score alone. */
  scoredBand: DashBandSchema,
  /** The level after professional judgement (never lower than `scoredBand`). */
  band: DashBandSchema,
  professionalJudgement: ProfessionalJudgementSchema.nullable(),
  assessedBy: z.object({ id: IdSchema, displayName: z.string() }),
  agency: z.object({ id: IdSchema, name: z.string() }),
  assessedAt: TimestampSchema,
  /** When a reassessment is due (the assessment time plus the reassessment interval). */
  reassessmentDue: TimestampSchema,
});
/** A stored assessment. */
export type DashAssessmentRecord = z.infer<typeof DashAssessmentRecordSchema>;
