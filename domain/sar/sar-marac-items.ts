/**
 * DASH checklists and MARAC referrals as records of a subject access request (docs/audit.md, "What
 * an agency holds about the person"). A checklist is the assessed person's: every answer, comment and
 * source, the score, the band and any professional judgement. A referral is printed according to the
 * subject's place on it: the victim gets the whole referral (other people by name and relationship
 * only — their addresses and schools are theirs); a person causing harm or a child gets the referral's
 * own facts and their own entry only, never the victim's contact details, diversity or risk. Pure.
 */
import type { DashAssessmentRecord } from '../entities/dash-assessment.ts';
import type { MaracReferralRecord } from '../entities/marac-referral.ts';
import type { SarItem } from '../entities/sar.ts';
import { DASH_ANSWER_LABELS, dashQuestionnaire, dashQuestionText } from '../marac/dash-questionnaire.ts';
import { DASH_BAND_LABELS } from '../marac/dash-scoring.ts';
import { NO_CONSENT_JUSTIFICATION_LABELS } from '../marac/referral-consent.ts';
import { REFERRAL_CRITERION_LABELS } from '../marac/referral-criteria.ts';
import { GENDER_LABELS } from '../vocabulary-labels.ts';

type Field = SarItem['fields'][number];

const field = (label: string, value: string | number | null | undefined): Field => ({ label, value: value === null || value === undefined ? '' : String(value) });
const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
const YES_NO_UNKNOWN: Record<'yes' | 'no' | 'not_known', string> = { yes: 'Yes', no: 'No', not_known: 'Not known' };

/**
 * A DASH checklist as a record: its summary, then one field per question in the questionnaire's
 * words (the person causing harm unnamed: the comments say what the assessor wrote).
 */
export function dashAssessmentItem(a: DashAssessmentRecord): SarItem {
  const questionnaire = dashQuestionnaire(a.version);
  const questionOf = (n: number) => questionnaire?.questions.find((q) => q.n === n);
  const fields: Field[] = [
    field('Questionnaire', `DASH ${a.version}`),
    field('Assessing agency', a.agency.name),
    field('Score', a.score),
    field('Level from the score', DASH_BAND_LABELS[a.scoredBand]),
    field('Level', DASH_BAND_LABELS[a.band]),
  ];
  if (a.professionalJudgement) {
    fields.push(field('Professional judgement', a.professionalJudgement.reasons));
  }
  for (const answer of [...a.answers].sort((x, y) => x.n - y.n)) {
    const question = questionOf(answer.n);
    const text = question ? dashQuestionText(question, null) : `Question ${answer.n}`;
    const parts = [DASH_ANSWER_LABELS[answer.answer], answer.comment, answer.source ? `(source: ${answer.source})` : undefined];
    fields.push(field(`${answer.n}. ${text}`, parts.filter((p) => p !== undefined).join(' — ')));
  }
  return { type: 'dash_assessment', id: a.id, at: a.assessedAt, fields };
}

/** Where the subject stands on a referral, or null when they are not named on it. */
export type ReferralRole = 'victim' | 'perpetrator' | 'child';

/** The subject's place on `r`. */
export function referralRoleOf(r: MaracReferralRecord, subjectId: string): ReferralRole | null {
  if (r.victim.personId === subjectId) {
    return 'victim';
  }
  if (r.perpetrators.some((p) => p.personId === subjectId)) {
    return 'perpetrator';
  }
  return r.children.some((c) => c.personId === subjectId) ? 'child' : null;
}

function referralFacts(r: MaracReferralRecord, role: string): Field[] {
  return [
    field('Case', r.caseReference), field('MARAC area', r.maracArea.name), field('Referring agency', r.referringAgency.name),
    field('Referred on', r.referredOn), field('Named on the referral as', role),
  ];
}

function victimFields(r: MaracReferralRecord): Field[] {
  const fields = referralFacts(r, 'The person at risk');
  fields.push(
    field('DASH score', r.score), field('Level', DASH_BAND_LABELS[r.band]),
    field('Criteria met', r.criteria.map((c) => REFERRAL_CRITERION_LABELS[c]).join('; ')), field('Repeat referral', yesNo(r.repeat)),
    field('Address', r.victim.address), field('Telephone', r.victim.phone), field('Safe to call', yesNo(r.victim.safeToCall)),
    field('Safe times to call', r.victim.safeContactTimes),
    field('Ethnicity', r.diversity.ethnicity), field('Disability', YES_NO_UNKNOWN[r.diversity.disability]),
    field('Sexual orientation', r.diversity.sexualOrientation), field('LGBT+', YES_NO_UNKNOWN[r.diversity.lgbtPlus]),
    field('Gender', GENDER_LABELS[r.diversity.gender]),
  );
  r.perpetrators.forEach((p, i) => fields.push(field(`Person causing harm ${i + 1}`, `${p.displayName} (${p.relationshipToVictim})`)));
  r.children.forEach((c, i) => fields.push(field(`Child ${i + 1}`, `${c.displayName} (${c.relationshipToVictim})`)));
  fields.push(
    field('Incident dates', r.incidentDates.join(', ')), field('Professional judgement', r.professionalJudgementReasons),
    field('Aware of the referral', yesNo(r.consent.victimAware)), field('Consent given', yesNo(r.consent.consentGiven)),
    field('Shared without consent because', r.consent.justification ? NO_CONSENT_JUSTIFICATION_LABELS[r.consent.justification] : null),
    field('Afraid of', r.afraidOf), field('Previous MARACs', r.previousMaracs),
  );
  return fields;
}

/** `r` as a record of the subject's request, or null when the subject is not named on it. */
export function maracReferralItem(r: MaracReferralRecord, subjectId: string): SarItem | null {
  const role = referralRoleOf(r, subjectId);
  if (role === null) {
    return null;
  }
  let fields: Field[];
  if (role === 'victim') {
    fields = victimFields(r);
  } else if (role === 'perpetrator') {
    const p = r.perpetrators.find((x) => x.personId === subjectId)!;
    fields = [...referralFacts(r, 'A person causing harm'), field('Relationship to the person at risk', p.relationshipToVictim), field('Address recorded', p.address)];
  } else {
    const c = r.children.find((x) => x.personId === subjectId)!;
    fields = [...referralFacts(r, 'A child'), field('Relationship to the person at risk', c.relationshipToVictim),
      field('Relationship to the person causing harm', c.relationshipToPerpetrator), field('School', c.school)];
  }
  return { type: 'marac_referral', id: r.id, at: r.createdAt, fields };
}
