/**
 * DASH scoring as pure functions (docs/marac.md): the score is the number of yes answers; bands are
 * 0–9 standard, 10–13 medium, 14+ high; professional judgement may raise the level, never lower it.
 */
import { z } from 'zod';
import type { DashAnswerValue } from './dash-questionnaire.ts';

/** The risk bands, lowest first. */
export const DASH_BANDS = ['standard', 'medium', 'high'] as const;
/** One risk band. */
export type DashBand = (typeof DASH_BANDS)[number];
export const DashBandSchema = z.enum(DASH_BANDS);

/** en-GB words for the bands. */
export const DASH_BAND_LABELS: Record<DashBand, string> = { standard: 'Standard', medium: 'Medium', high: 'High' };

/** The lowest score in the medium band. */
export const MEDIUM_RISK_SCORE = 10;
/** The lowest score in the high band: visible high risk, a MARAC referral criterion. */
export const HIGH_RISK_SCORE = 14;

/** The score: how many answers are yes (don't know and not asked count as nothing). */
export function dashScore(answers: readonly { answer: DashAnswerValue }[]): number {
  return answers.filter((a) => a.answer === 'yes').length;
}

/** The band a score falls in. */
export function bandOfScore(score: number): DashBand {
  if (score >= HIGH_RISK_SCORE) {
    return 'high';
  }
  return score >= MEDIUM_RISK_SCORE ? 'medium' : 'standard';
}

/** The order of a band (standard 0, medium 1, high 2). */
export function bandRank(band: DashBand): number {
  return DASH_BANDS.indexOf(band);
}

/** A practitioner's professional judgement: the level they judge, with their reasons. */
export interface ProfessionalJudgement {
  band: DashBand;
  reasons: string;
}

/**
 * The assessed level: the scored band, raised to the judged band when that is higher. A judgement
 * at or below the scored band changes nothing — judgement never lowers the level.
 */
export function assessedBand(score: number, judgement: ProfessionalJudgement | null): DashBand {
  const scored = bandOfScore(score);
  if (judgement === null || bandRank(judgement.band) <= bandRank(scored)) {
    return scored;
  }
  return judgement.band;
}

/**
 * Why a judgement may not be recorded with this score, or null when it may: it must raise the
 * level (a judgement that does not raise it would read as if it lowered or confirmed the score).
 */
export function judgementProblem(score: number, judgement: ProfessionalJudgement | null): string | null {
  if (judgement === null) {
    return null;
  }
  const scored = bandOfScore(score);
  if (bandRank(judgement.band) <= bandRank(scored)) {
    return `professional judgement can only raise the level above the scored band (${scored}); it can never lower it.`;
  }
  return null;
}
