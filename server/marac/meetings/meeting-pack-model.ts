/**
 * The meeting pack model of one recipient, built from the server's own rows, never from the client
 * (docs/marac.md). Every agenda case goes in with its policy inputs (the recipient's grants among
 * them); research goes in only where the meeting research policy lets the recipient read it at
 * generation time, so research is never released before the meeting beyond its agency and the
 * coordinators. The pack engine then cuts the model with the case, report and task policies.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import { ReferralChildSchema } from '../../../domain/entities/marac-referral.ts';
import { ukDateOf } from '../../../domain/marac/calendar-dates.ts';
import { bandRank } from '../../../domain/marac/dash-scoring.ts';
import type { MeetingPack, PackCase } from '../../../domain/marac/meeting-pack.ts';
import { ReferralCriterionSchema } from '../../../domain/marac/referral-criteria.ts';
import { canSeeMeetingResearch } from '../../../domain/policy/marac-meeting-policy.ts';
import type { PolicyUser } from '../../../domain/policy/policy-user.ts';
import { loadCaseShares, policyOf } from '../../cases/case-policy-loader.ts';
import { loadActionRows, UNFINISHED } from './meeting-actions-query.ts';
import type { LoadedMeeting } from './meeting-loader.ts';

/** Printed on every pack's cover. */
export const CONFIDENTIALITY_STATEMENT = 'This pack is confidential. It is shared only with MARAC members who have acknowledged the '
  + 'confidentiality of the meeting, for the purpose of reducing risk to the people discussed. Do not copy, forward or discuss it '
  + 'outside the meeting. Return or destroy it after the meeting, in line with your agency\'s information sharing agreement.';

const StoredDetails = z.object({
  children: z.array(ReferralChildSchema),
  consent: z.object({ victimAware: z.boolean(), consentGiven: z.boolean(), justification: z.string().nullable() }),
  afraidOf: z.string().nullable(),
  professionalJudgementReasons: z.string().nullable(),
  incidentDates: z.array(z.string()),
});

const yesNo = (v: boolean) => (v ? 'yes' : 'no');

/** The pack of `meeting` as it stands at `now`, with the research `recipient` may read. */
export async function buildMeetingPackModel(db: Kysely<ServerDatabase>, meeting: LoadedMeeting, recipient: PolicyUser, now: Date): Promise<MeetingPack> {
  const at = now.toISOString();
  const today = ukDateOf(now);
  const m = meeting.row;
  const items = await db.selectFrom('marac_agenda_items').selectAll().where('meeting_id', '=', m.id).orderBy('position').execute();
  const caseIds = items.map((i) => i.case_id);
  const caseRows = caseIds.length === 0 ? [] : await db.selectFrom('cases').selectAll().where('id', 'in', caseIds).execute();
  const shares = await loadCaseShares(db, caseIds, recipient.id);
  const cases = new Map(caseRows.map((c) => [c.id, { row: c, policy: policyOf(c, shares) }]));
  const referralIds = items.map((i) => i.referral_id);
  const referrals = new Map((referralIds.length === 0 ? [] : await db.selectFrom('marac_referrals as r')
    .innerJoin('agencies as a', 'a.id', 'r.referring_agency_id').innerJoin('dash_assessments as d', 'd.id', 'r.dash_assessment_id')
    .select(['r.id', 'r.victim_person_id', 'r.referred_on', 'r.criteria', 'r.repeat', 'r.details', 'a.name as agency_name',
      'd.score', 'd.band', 'd.scored_band', 'd.version'])
    .where('r.id', 'in', referralIds).execute()).map((r) => [r.id, r]));
  const perpetrators = referralIds.length === 0 ? [] : await db.selectFrom('marac_referral_perpetrators').select(['referral_id', 'person_id'])
    .where('referral_id', 'in', referralIds).orderBy('person_id').execute();
  const details = new Map([...referrals.values()].map((r) => [r.id, StoredDetails.parse(JSON.parse(r.details))]));
  const personIds = [...new Set([
    ...[...referrals.values()].map((r) => r.victim_person_id), ...perpetrators.map((p) => p.person_id),
    ...[...details.values()].flatMap((d) => d.children.map((c) => c.personId)),
  ])];
  const persons = new Map((personIds.length === 0 ? [] : await db.selectFrom('persons').select(['id', 'given_name', 'family_name', 'date_of_birth'])
    .where('id', 'in', personIds).execute()).map((p) => [p.id, p]));
  const nameOf = (id: string) => {
    const p = persons.get(id);
    return p ? `${p.given_name} ${p.family_name}`.trim() || 'Unnamed' : 'Unnamed';
  };
  const research = items.length === 0 ? [] : await db.selectFrom('marac_research as r').innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .select(['r.id', 'r.agenda_item_id', 'r.agency_id', 'r.team_id', 'r.author_user_id', 'r.nature', 'r.restricted', 'r.body', 'r.created_at', 'a.name as agency_name'])
    .where('r.meeting_id', '=', m.id).orderBy('r.created_at').orderBy('r.id').execute();
  const actions = await loadActionRows(db, [m.marac_area_id], today, caseIds);
  const coordinator = await db.selectFrom('users').select('display_name').where('id', '=', m.coordinator_user_id).executeTakeFirstOrThrow();

  const packCases: PackCase[] = items.map((item) => {
    const c = cases.get(item.case_id)!;
    const r = referrals.get(item.referral_id)!;
    const d = details.get(r.id)!;
    const summary = [
      `Referred by ${r.agency_name} on ${r.referred_on}.`,
      `Victim aware of the referral: ${yesNo(d.consent.victimAware)}; consent given: ${yesNo(d.consent.consentGiven)}`
        + (d.consent.justification === null ? '.' : ` (shared without consent: ${d.consent.justification.replaceAll('_', ' ')}).`),
      d.afraidOf === null ? null : `The victim is afraid of: ${d.afraidOf}.`,
      d.professionalJudgementReasons === null ? null : `Professional judgement: ${d.professionalJudgementReasons}`,
      d.incidentDates.length === 0 ? null : `Incidents: ${d.incidentDates.join(', ')}.`,
    ].filter((s) => s !== null).join(' ');
    return {
      caseId: item.case_id,
      reference: c.row.reference,
      emergency: Number(item.emergency) === 1,
      access: {
        ...c.policy, sharedAgencyIds: [...c.policy.sharedAgencyIds], grants: (c.policy.grants ?? []).map((g) => ({ ...g })),
      },
      referral: {
        referringAgencyName: r.agency_name, referredOn: r.referred_on, victimName: nameOf(r.victim_person_id),
        perpetratorNames: perpetrators.filter((p) => p.referral_id === r.id).map((p) => nameOf(p.person_id)), summary,
      },
      dash: { score: Number(r.score), band: r.band, raisedByJudgement: bandRank(r.band) > bandRank(r.scored_band), questionnaireVersion: r.version },
      criteria: z.array(ReferralCriterionSchema).parse(JSON.parse(r.criteria)),
      repeat: Number(r.repeat) === 1,
      children: d.children.map((child) => ({
        name: nameOf(child.personId), dateOfBirth: persons.get(child.personId)?.date_of_birth ?? null,
        relationshipToVictim: child.relationshipToVictim, relationshipToPerpetrator: child.relationshipToPerpetrator, school: child.school ?? null,
      })),
      research: research.filter((x) => x.agenda_item_id === item.id)
        .filter((x) => canSeeMeetingResearch(recipient, {
          agencyId: x.agency_id, teamId: x.team_id, authorUserId: x.author_user_id, restricted: Number(x.restricted) === 1,
        }, meeting.policy, c.policy, today, at))
        .map((x) => ({
          id: x.id, authorAgencyId: x.agency_id, authorAgencyName: x.agency_name, authorTeamId: x.team_id, authorUserId: x.author_user_id,
          sharingLevel: Number(x.restricted) === 1 ? 'owner_agency' as const : 'case' as const, sharedAgencyIds: [], sharedTeamIds: [], sharedUserIds: [],
          nature: x.nature, text: x.body, recordedAt: x.created_at,
        })),
      actions: actions.filter((a) => a.action.caseId === item.case_id && (a.action.meetingId === m.id || a.action.meetingDate < m.meeting_date)
        && UNFINISHED.includes(a.action.status))
        .map((a) => ({
          id: a.action.taskId, description: `${a.action.title}: ${a.action.description}`.slice(0, 2000), ownerAgencyId: a.action.ownerAgency.id,
          ownerAgencyName: a.action.ownerAgency.name, ownerTeamId: a.assigneeTeamId, ownerUserId: a.assigneeUserId,
          dueOn: a.action.dueDate ?? m.meeting_date, status: a.action.status,
        })),
    };
  });
  return {
    meeting: { id: m.id, date: m.meeting_date, area: meeting.areaName, chair: m.chair, coordinator: coordinator.display_name, confidentialityStatement: CONFIDENTIALITY_STATEMENT },
    cases: packCases,
  };
}
