/**
 * Makes a MARAC referral (docs/marac.md): checks the area, the assessment and every person, opens or
 * links the case, works out the criteria — the repeat flag from earlier referrals of the same victim
 * and perpetrator, escalation from the area's rule — and stores it, audited, in one transaction.
 */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import type { MaracReferralInput } from '../../domain/entities/marac-referral.ts';
import { newId } from '../../domain/ids.ts';
import { addMonths, isoDateOf } from '../../domain/marac/calendar-dates.ts';
import { criteriaMet } from '../../domain/marac/referral-criteria.ts';
import { readsCases } from '../../domain/policy/policy-user.ts';
import { dashAssessmentVisibleSql } from '../access/dash-assessment-visibility.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { nextSeq } from '../changes/next-seq.ts';
import { isoOf, type WriteContext } from '../changes/write-context.ts';
import { loadFullPerson } from '../persons/person-access.ts';
import { referralCase } from './referral-case.ts';
import { findRepeatOf } from './referral-repeat.ts';

type Trx = Transaction<ServerDatabase>;

/** How far back a referral may be dated: an offline referral keeps its day for up to this many months. */
const OLDEST_REFERRAL_MONTHS = 1;

/** Checks that the caller sees `personId` in full; a validation error at `field` otherwise. */
async function assertFullPerson(trx: Trx, w: WriteContext, personId: string, field: string): Promise<string> {
  try {
    const { row } = await loadFullPerson(trx, w.user, isoOf(w), personId);
    if (row.merged_into_id !== null) {
      throw new CodedError('validation_error', `Invalid body at ${field}: this person was merged into another record; use that one.`);
    }
    return `${row.given_name} ${row.family_name}`;
  } catch (error) {
    if (error instanceof CodedError && error.code === 'not_found') {
      throw new CodedError('validation_error', `Invalid body at ${field}: unknown person, or one you see only as a search result (ask for access first).`);
    }
    throw error;
  }
}

/** Creates the referral (and, when it links no case, a new case with `newCaseId`); returns its id. */
export async function createMaracReferral(
  trx: Trx, w: WriteContext, body: MaracReferralInput, id: string = newId(), newCaseId: string = newId(),
): Promise<string> {
  if (!readsCases(w.user)) {
    throw new CodedError('authorization_error', 'Your role does not make referrals.');
  }
  const at = isoOf(w);
  const today = isoDateOf(w.now);
  // A day ahead of UTC is allowed: in British Summer Time the local day starts an hour earlier.
  if (body.referredOn > isoDateOf(new Date(w.now.getTime() + 86_400_000))) {
    throw new CodedError('validation_error', 'Invalid body at referredOn: a referral cannot be dated in the future.');
  }
  if (body.referredOn < addMonths(today, -OLDEST_REFERRAL_MONTHS)) {
    throw new CodedError('validation_error', 'Invalid body at referredOn: a referral cannot be dated more than a month ago.');
  }
  const area = await trx.selectFrom('marac_areas').selectAll().where('id', '=', body.maracAreaId).executeTakeFirst();
  if (!area) {
    throw new CodedError('validation_error', 'Invalid body at maracAreaId: unknown MARAC area.');
  }
  const victimName = await assertFullPerson(trx, w, body.victim.personId, 'victim.personId');
  for (const [i, p] of body.perpetrators.entries()) {
    await assertFullPerson(trx, w, p.personId, `perpetrators.${i}.personId`);
  }
  for (const [i, c] of body.children.entries()) {
    await assertFullPerson(trx, w, c.personId, `children.${i}.personId`);
  }
  const assessment = await trx.selectFrom('dash_assessments').select(['id', 'person_id', 'score', 'band'])
    .where('dash_assessments.id', '=', body.dashAssessmentId).where(dashAssessmentVisibleSql(w.user, at, 'dash_assessments')).executeTakeFirst();
  if (!assessment || assessment.person_id !== body.victim.personId) {
    throw new CodedError('validation_error', "Invalid body at dashAssessmentId: not a DASH assessment of the victim that you can see.");
  }
  // Takes the change-log lock first: concurrent referrals of the same pair are ordered, so each sees the one before.
  await nextSeq(trx);
  const perpetratorIds = body.perpetrators.map((p) => p.personId);
  const earlier = await findRepeatOf(trx, body.victim.personId, perpetratorIds, body.referredOn);
  const criteria = criteriaMet({
    score: Number(assessment.score), professionalJudgementReasons: body.professionalJudgementReasons, incidentDates: body.incidentDates,
    escalationRule: { incidents: Number(area.escalation_incidents), months: Number(area.escalation_months) },
    referredOn: body.referredOn, repeat: earlier !== null,
  });
  if (criteria.length === 0) {
    throw new CodedError('validation_error', 'Invalid body: the referral meets no MARAC criterion (high risk, professional judgement, escalation or repeat).');
  }
  const caseId = await referralCase(trx, w, body, area.coordinator_agency_id, victimName, newCaseId);
  const { personId: _victimId, ...victimContact } = body.victim;
  const details = {
    contact: body.contact, victim: victimContact, diversity: body.diversity,
    children: body.children, incidentDates: body.incidentDates, professionalJudgementReasons: body.professionalJudgementReasons,
    consent: body.consent, afraidOf: body.afraidOf, previousMaracs: body.previousMaracs,
  };
  await trx.insertInto('marac_referrals').values({
    id, case_id: caseId, marac_area_id: area.id, dash_assessment_id: assessment.id, victim_person_id: body.victim.personId,
    referring_agency_id: w.user.agencyId, referred_by: w.user.id, referred_on: body.referredOn, score: Number(assessment.score),
    band: assessment.band, criteria: JSON.stringify(criteria), repeat: earlier ? 1 : 0, repeat_of_referral_id: earlier?.id ?? null,
    details: JSON.stringify(details), created_at: at,
  }).execute();
  await trx.insertInto('marac_referral_perpetrators').values(body.perpetrators.map((p) => ({
    referral_id: id, person_id: p.personId, relationship_to_victim: p.relationshipToVictim, address: p.address,
  }))).execute();
  await recordAudit(trx, {
    actor: w.actor, action: 'record.create', entityType: 'marac_referral', entityId: id, outcome: 'success', at: w.now,
    details: { caseId, maracAreaId: area.id, dashAssessmentId: assessment.id, criteria, repeatOfReferralId: earlier?.id ?? null },
  });
  return id;
}
