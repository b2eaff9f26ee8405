/** Loads a MARAC meeting with what the policy needs, and refuses (audited) what the policy refuses (docs/marac.md). */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { MaracMeetingTable, ServerDatabase } from '../../../db/server/schema.ts';
import { CodedError } from '../../../domain/errors.ts';
import { runsMeeting, seesMeeting, type PolicyMeeting } from '../../../domain/policy/marac-meeting-policy.ts';
import type { PolicyUser } from '../../../domain/policy/policy-user.ts';

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;

/** A meeting row with its area's name and coordinating agency, and its policy shape. */
export interface LoadedMeeting {
  row: Selectable<MaracMeetingTable>;
  areaName: string;
  policy: PolicyMeeting;
}

/** The audit entity of a meeting and its parts. */
export const MEETING_ENTITY = 'marac_meeting';

/** Loads a meeting, or undefined when it does not exist. */
export async function loadMeeting(db: Db, id: string): Promise<LoadedMeeting | undefined> {
  const row = await db.selectFrom('marac_meetings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) {
    return undefined;
  }
  const area = await db.selectFrom('marac_areas').select(['name', 'coordinator_agency_id']).where('id', '=', row.marac_area_id).executeTakeFirstOrThrow();
  const attendees = await db.selectFrom('marac_attendees').select('agency_id').where('meeting_id', '=', id).execute();
  return {
    row, areaName: area.name,
    policy: { coordinatorAgencyId: area.coordinator_agency_id, date: row.meeting_date, attendeeAgencyIds: [...new Set(attendees.map((a) => a.agency_id))] },
  };
}

/** Loads a meeting the user sees (404 otherwise: its existence is not revealed). */
export async function loadVisibleMeeting(db: Db, id: string, user: PolicyUser): Promise<LoadedMeeting> {
  const loaded = await loadMeeting(db, id);
  if (!loaded || !seesMeeting(user, loaded.policy)) {
    throw new CodedError('not_found', 'No such meeting.');
  }
  return loaded;
}

/** Loads a meeting the user runs: 404 when they do not see it, 403 when they see it but do not coordinate it. */
export async function loadRunMeeting(db: Db, id: string, user: PolicyUser): Promise<LoadedMeeting> {
  const loaded = await loadVisibleMeeting(db, id, user);
  if (!runsMeeting(user, loaded.policy)) {
    throw new CodedError('authorization_error', "Only the area's MARAC coordinators may change this meeting.");
  }
  return loaded;
}
