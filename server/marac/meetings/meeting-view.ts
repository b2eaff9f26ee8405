/**
 * A meeting as one reader may see it (docs/marac.md): every agenda case through the case policy
 * (the rest are only counted), research through the meeting research policy, this meeting's
 * actions and the unfinished ones of earlier meetings of the area.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import { MeetingRecordSchema, type AgendaItem, type MeetingRecord } from '../../../domain/entities/marac-meeting.ts';
import { ukDateOf } from '../../../domain/marac/calendar-dates.ts';
import { canSeeCase } from '../../../domain/policy/case-policy.ts';
import { canSeeMeetingResearch, runsMeeting, seesMeeting } from '../../../domain/policy/marac-meeting-policy.ts';
import type { PolicyUser } from '../../../domain/policy/policy-user.ts';
import { loadCaseShares, policyOf } from '../../cases/case-policy-loader.ts';
import { loadActionRows, UNFINISHED } from './meeting-actions-query.ts';
import type { LoadedMeeting } from './meeting-loader.ts';

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;

const named = (rows: Array<{ id: string; name: string }>) => new Map(rows.map((r) => [r.id, r.name]));

/** The meeting as `user` may see it at `now`; also answers the ids of the agenda cases shown. */
export async function meetingView(db: Db, meeting: LoadedMeeting, user: PolicyUser, now: Date): Promise<MeetingRecord> {
  const at = now.toISOString();
  const today = ukDateOf(now);
  const m = meeting.row;
  const items = await db.selectFrom('marac_agenda_items').selectAll().where('meeting_id', '=', m.id).orderBy('position').execute();
  const caseRows = items.length === 0 ? [] : await db.selectFrom('cases').selectAll().where('id', 'in', items.map((i) => i.case_id)).execute();
  const shares = await loadCaseShares(db, caseRows.map((c) => c.id), user.id);
  const policies = new Map(caseRows.map((c) => [c.id, policyOf(c, shares)]));
  const references = new Map(caseRows.map((c) => [c.id, c.reference]));
  const visible = items.filter((i) => canSeeCase(user, policies.get(i.case_id)!, at));
  const visibleIds = visible.map((i) => i.id);

  const referrals = visible.length === 0 ? [] : await db.selectFrom('marac_referrals as r').innerJoin('persons as p', 'p.id', 'r.victim_person_id')
    .innerJoin('agencies as a', 'a.id', 'r.referring_agency_id')
    .select(['r.id', 'r.referred_on', 'r.score', 'r.band', 'r.repeat', 'r.referring_agency_id', 'a.name as agency_name', 'p.given_name', 'p.family_name'])
    .where('r.id', 'in', visible.map((i) => i.referral_id)).execute();
  const referralById = new Map(referrals.map((r) => [r.id, r]));

  const research = visibleIds.length === 0 ? [] : await db.selectFrom('marac_research as r').innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .select(['r.id', 'r.agenda_item_id', 'r.agency_id', 'r.team_id', 'r.author_user_id', 'r.nature', 'r.restricted', 'r.body', 'r.created_at', 'a.name as agency_name'])
    .where('r.agenda_item_id', 'in', visibleIds).orderBy('r.created_at').orderBy('r.id').execute();

  const actionRows = await loadActionRows(db, [m.marac_area_id], today, visible.map((i) => i.case_id));
  const agenda: AgendaItem[] = visible.map((item, index) => {
    const c = policies.get(item.case_id)!;
    const referral = referralById.get(item.referral_id)!;
    return {
      id: item.id,
      position: index + 1,
      caseId: item.case_id,
      caseReference: references.get(item.case_id) ?? '',
      referralId: item.referral_id,
      victimName: `${referral.given_name} ${referral.family_name}`,
      referringAgency: { id: referral.referring_agency_id, name: referral.agency_name },
      referredOn: referral.referred_on,
      score: Number(referral.score),
      band: referral.band,
      repeat: Number(referral.repeat) === 1,
      emergency: Number(item.emergency) === 1,
      carriedForward: Number(item.carried_forward) === 1,
      research: research.filter((r) => r.agenda_item_id === item.id)
        .filter((r) => canSeeMeetingResearch(user, {
          agencyId: r.agency_id, teamId: r.team_id, authorUserId: r.author_user_id, restricted: Number(r.restricted) === 1,
        }, meeting.policy, c, today, at))
        .map((r) => ({
          id: r.id, agency: { id: r.agency_id, name: r.agency_name }, authorUserId: r.author_user_id, nature: r.nature,
          restricted: Number(r.restricted) === 1, text: r.body, createdAt: r.created_at,
        })),
      minutes: item.minutes,
      actions: actionRows.map((a) => a.action).filter((a) => a.caseId === item.case_id
        && (a.meetingId === m.id || (a.meetingDate < m.meeting_date && UNFINISHED.includes(a.status)))),
    };
  });

  const attendees = await db.selectFrom('marac_attendees as t').innerJoin('users as u', 'u.id', 't.user_id').innerJoin('agencies as a', 'a.id', 't.agency_id')
    .select(['t.id', 't.user_id', 't.agency_id', 't.acknowledged_at', 'u.display_name', 'a.name as agency_name'])
    .where('t.meeting_id', '=', m.id).orderBy('a.name').orderBy('u.display_name').execute();
  const area = await db.selectFrom('agencies').select(['id', 'name']).where('id', '=', meeting.policy.coordinatorAgencyId).execute();
  const coordinator = await db.selectFrom('users').select(['id', 'display_name']).where('id', '=', m.coordinator_user_id).executeTakeFirstOrThrow();
  const mine = attendees.find((a) => a.user_id === user.id);
  return MeetingRecordSchema.parse({
    id: m.id,
    maracArea: { id: m.marac_area_id, name: meeting.areaName },
    coordinatorAgency: { id: meeting.policy.coordinatorAgencyId, name: named(area).get(meeting.policy.coordinatorAgencyId) ?? '' },
    date: m.meeting_date,
    chair: m.chair,
    coordinator: { id: coordinator.id, displayName: coordinator.display_name },
    agenda,
    hiddenItems: items.length - visible.length,
    attendees: attendees.map((a) => ({
      id: a.id, userId: a.user_id, name: a.display_name, agency: { id: a.agency_id, name: a.agency_name }, acknowledgedAt: a.acknowledged_at,
    })),
    abilities: {
      run: runsMeeting(user, meeting.policy),
      addResearch: seesMeeting(user, meeting.policy),
      acknowledge: mine !== undefined && mine.acknowledged_at === null,
    },
  });
}
