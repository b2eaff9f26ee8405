/**
 * Which referrals a data return counts, for the area's coordinators only (docs/marac.md): the
 * decision is `runsMeeting` (a MARAC coordinator of the area's coordinating agency), the same
 * policy function that lets them run the area's meetings.
 */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import { CodedError } from '../../../domain/errors.ts';
import type { DataReturnRecord } from '../../../domain/marac/data-return-record.ts';
import { quarterSpan, type Quarter } from '../../../domain/marac/data-return-quarter.ts';
import { runsMeeting } from '../../../domain/policy/marac-meeting-policy.ts';
import type { PolicyUser } from '../../../domain/policy/policy-user.ts';
import { loadVisibleMeeting } from '../meetings/meeting-loader.ts';
import { discussedReferralIds } from './return-facts.ts';

/** What a return covers and the referrals discussed in it. */
export interface ReturnScope {
  area: DataReturnRecord['area'];
  period: DataReturnRecord['period'];
  referralIds: string[];
}

const NOT_COORDINATOR = "Only the area's MARAC coordinators may make its data return.";

/** The quarter's meetings of the area and the referrals discussed at them; 404 for no such area, 403 for anyone but its coordinators. */
export async function quarterScope(db: Kysely<ServerDatabase>, user: PolicyUser, areaId: string, quarter: Quarter): Promise<ReturnScope> {
  const area = await db.selectFrom('marac_areas').select(['id', 'name', 'coordinator_agency_id']).where('id', '=', areaId).executeTakeFirst();
  if (!area) {
    throw new CodedError('not_found', 'No such MARAC area.');
  }
  if (!runsMeeting(user, { coordinatorAgencyId: area.coordinator_agency_id })) {
    throw new CodedError('authorization_error', NOT_COORDINATOR);
  }
  const { first, last } = quarterSpan(quarter);
  const meetings = await db.selectFrom('marac_meetings').select('id').where('marac_area_id', '=', areaId)
    .where('meeting_date', '>=', first).where('meeting_date', '<=', last).execute();
  return {
    area: { id: area.id, name: area.name },
    period: { kind: 'quarter', quarter, first, last, meetings: meetings.length },
    referralIds: await discussedReferralIds(db, meetings.map((m) => m.id)),
  };
}

/** One meeting's agenda referrals; 404 for a meeting the user does not see, 403 for anyone but the area's coordinators. */
export async function meetingScope(db: Kysely<ServerDatabase>, user: PolicyUser, meetingId: string): Promise<ReturnScope> {
  const meeting = await loadVisibleMeeting(db, meetingId, user);
  if (!runsMeeting(user, meeting.policy)) {
    throw new CodedError('authorization_error', NOT_COORDINATOR);
  }
  return {
    area: { id: meeting.row.marac_area_id, name: meeting.areaName },
    period: { kind: 'meeting', meetingId: meeting.row.id, date: meeting.row.meeting_date },
    referralIds: await discussedReferralIds(db, [meeting.row.id]),
  };
}
