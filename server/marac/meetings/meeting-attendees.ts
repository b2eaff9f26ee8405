/**
 * Attendees of a meeting and their confidentiality acknowledgement (docs/marac.md). An attendee is
 * a user attending for their agency; once one of an agency's attendees acknowledges, the agenda's
 * cases are shared with that agency (within the agreements) and its attendees' pack copies may be made.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import { CodedError } from '../../../domain/errors.ts';
import { newId } from '../../../domain/ids.ts';
import type { AttendeeCandidates } from '../../../domain/entities/marac-meeting.ts';
import { readsCases, ROLES_WITHOUT_CASE_READING } from '../../../domain/policy/policy-user.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { isoOf, type WriteContext } from '../../changes/write-context.ts';
import { shareAgendaCase } from './agenda-sharing.ts';
import { MEETING_ENTITY, type LoadedMeeting } from './meeting-loader.ts';

type Trx = Transaction<ServerDatabase>;

/** Adds a user attending for their agency: an enabled account whose role reads cases. */
export async function addAttendee(trx: Trx, w: WriteContext, meeting: LoadedMeeting, userId: string): Promise<void> {
  const user = await trx.selectFrom('users').select(['id', 'agency_id', 'role', 'disabled']).where('id', '=', userId).executeTakeFirst();
  if (!user || Number(user.disabled) !== 0 || !readsCases({ id: user.id, agencyId: user.agency_id, teamIds: [], role: user.role })) {
    throw new CodedError('validation_error', 'Invalid body at userId: not an enabled user who works cases.');
  }
  const present = await trx.selectFrom('marac_attendees').select('id').where('meeting_id', '=', meeting.row.id).where('user_id', '=', userId).executeTakeFirst();
  if (present) {
    throw new CodedError('conflict', 'This person is already an attendee.');
  }
  const id = newId();
  await trx.insertInto('marac_attendees').values({
    id, meeting_id: meeting.row.id, user_id: userId, agency_id: user.agency_id, acknowledged_at: null, created_at: isoOf(w),
  }).execute();
  await recordAudit(trx, {
    actor: w.actor, action: 'record.update', entityType: MEETING_ENTITY, entityId: meeting.row.id, outcome: 'success', at: w.now,
    details: { attendeeId: id, userId, agencyId: user.agency_id },
  });
}

/** The caller, an attendee, acknowledges the meeting's confidentiality; the agenda cases are shared with their agency. */
export async function acknowledge(trx: Trx, w: WriteContext, meeting: LoadedMeeting): Promise<void> {
  const attendee = await trx.selectFrom('marac_attendees').select(['id', 'acknowledged_at'])
    .where('meeting_id', '=', meeting.row.id).where('user_id', '=', w.user.id).executeTakeFirst();
  if (!attendee) {
    throw new CodedError('authorization_error', 'Only an attendee of this meeting may acknowledge its confidentiality.');
  }
  if (attendee.acknowledged_at !== null) {
    throw new CodedError('conflict', 'You have already acknowledged the confidentiality of this meeting.');
  }
  await trx.updateTable('marac_attendees').set({ acknowledged_at: isoOf(w) }).where('id', '=', attendee.id).execute();
  await recordAudit(trx, {
    actor: w.actor, action: 'record.update', entityType: MEETING_ENTITY, entityId: meeting.row.id, outcome: 'success', at: w.now,
    details: { attendeeId: attendee.id, acknowledged: true },
  });
  const items = await trx.selectFrom('marac_agenda_items').select('case_id').where('meeting_id', '=', meeting.row.id).orderBy('position').execute();
  for (const item of items) {
    await shareAgendaCase(trx, w, meeting.row.id, item.case_id, [w.user.agencyId]);
  }
}

/** Enabled users who work cases and do not attend yet, by agency name then display name. */
export async function attendeeCandidates(db: Kysely<ServerDatabase>, meetingId: string): Promise<AttendeeCandidates> {
  const rows = await db.selectFrom('users as u').innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select(['u.id', 'u.display_name', 'a.id as agency_id', 'a.name as agency_name'])
    .where('u.disabled', '=', 0).where('u.role', 'not in', [...ROLES_WITHOUT_CASE_READING])
    .where((eb) => eb.not(eb.exists(eb.selectFrom('marac_attendees as t').select('t.id').whereRef('t.user_id', '=', 'u.id').where('t.meeting_id', '=', meetingId))))
    .orderBy('a.name').orderBy('u.display_name').execute();
  const agencies: AttendeeCandidates['agencies'] = [];
  for (const r of rows) {
    let agency = agencies.at(-1);
    if (agency?.id !== r.agency_id) {
      agency = { id: r.agency_id, name: r.agency_name, users: [] };
      agencies.push(agency);
    }
    agency.users.push({ id: r.id, displayName: r.display_name });
  }
  return { agencies };
}
