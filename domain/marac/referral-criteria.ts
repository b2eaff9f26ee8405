/**
 * MARAC referral criteria as pure functions (docs/marac.md): visible high risk, professional
 * judgement, potential escalation (N incidents in M months, per area) and repeat, which the system
 * works out from earlier referrals of the same victim and perpetrator and nobody types in.
 */
import { z } from 'zod';
import { addMonths } from './calendar-dates.ts';
import { HIGH_RISK_SCORE } from './dash-scoring.ts';

/** The four referral criteria. */
export const REFERRAL_CRITERIA = ['visible_high_risk', 'professional_judgement', 'potential_escalation', 'repeat'] as const;
/** One criterion. */
export type ReferralCriterion = (typeof REFERRAL_CRITERIA)[number];
export const ReferralCriterionSchema = z.enum(REFERRAL_CRITERIA);

/** en-GB words for the criteria. */
export const REFERRAL_CRITERION_LABELS: Record<ReferralCriterion, string> = {
  visible_high_risk: 'Visible high risk (14 or more)',
  professional_judgement: 'Professional judgement',
  potential_escalation: 'Potential escalation',
  repeat: 'Repeat',
};

/** An area's escalation rule: `incidents` or more within `months` months. */
export interface EscalationRule {
  incidents: number;
  months: number;
}

/** The default escalation rule: 3 incidents in 12 months. */
export const DEFAULT_ESCALATION_RULE: EscalationRule = { incidents: 3, months: 12 };

/** How long after the last MARAC referral a new one of the same pair is a repeat, in months. */
export const REPEAT_WINDOW_MONTHS = 12;

/**
 * True when at least `rule.incidents` incident dates fall in the `rule.months` months up to and
 * including `referredOn` (from the same calendar day `months` earlier, inclusive). Incidents after
 * the referral date do not count.
 */
export function escalationMet(incidentDates: readonly string[], rule: EscalationRule, referredOn: string): boolean {
  const from = addMonths(referredOn, -rule.months);
  return incidentDates.filter((d) => d >= from && d <= referredOn).length >= rule.incidents;
}

/** An earlier referral of the same victim: its id, date and perpetrators. */
export interface EarlierReferral {
  id: string;
  referredOn: string;
  perpetratorIds: readonly string[];
}

/**
 * The last earlier referral that makes this one a repeat, or null. A referral is a repeat when the
 * same victim was referred with one of the same perpetrators on a date D with
 * D <= referredOn <= D + 12 calendar months (both ends inclusive: twelve months after 10 March is
 * the following 10 March, still a repeat; 11 March is not). Referrals dated after this one (an
 * offline referral pushed late) do not count.
 */
export function repeatOf(referredOn: string, perpetratorIds: readonly string[], earlier: readonly EarlierReferral[]): EarlierReferral | null {
  let last: EarlierReferral | null = null;
  for (const r of earlier) {
    const samePair = r.perpetratorIds.some((p) => perpetratorIds.includes(p));
    if (!samePair || r.referredOn > referredOn || addMonths(r.referredOn, REPEAT_WINDOW_MONTHS) < referredOn) {
      continue;
    }
    if (last === null || r.referredOn > last.referredOn) {
      last = r;
    }
  }
  return last;
}

/** What the criteria are worked out from. */
export interface CriteriaInput {
  score: number;
  professionalJudgementReasons: string | null;
  incidentDates: readonly string[];
  escalationRule: EscalationRule;
  referredOn: string;
  repeat: boolean;
}

/** The criteria a referral meets, in the order of `REFERRAL_CRITERIA`. */
export function criteriaMet(input: CriteriaInput): ReferralCriterion[] {
  const met: ReferralCriterion[] = [];
  if (input.score >= HIGH_RISK_SCORE) {
    met.push('visible_high_risk');
  }
  if (input.professionalJudgementReasons !== null) {
    met.push('professional_judgement');
  }
  if (escalationMet(input.incidentDates, input.escalationRule, input.referredOn)) {
    met.push('potential_escalation');
  }
  if (input.repeat) {
    met.push('repeat');
  }
  return met;
}
