/**
 * One attendee's copy of the meeting pack (docs/marac.md): released only once that attendee has
 * acknowledged the meeting's confidentiality; the model comes from the server's rows, the copy is
 * typeset in the pack worker thread and its generation is audited before it is handed back.
 */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import type { MeetingPackFile } from '../../../domain/entities/marac-meeting.ts';
import { CodedError } from '../../../domain/errors.ts';
import type { WriteContext } from '../../changes/write-context.ts';
import { generateMeetingPack } from '../pack/generate-meeting-pack.ts';
import type { PackWorkerClient } from '../pack/pack-worker-client.ts';
import type { LoadedMeeting } from './meeting-loader.ts';
import { buildMeetingPackModel } from './meeting-pack-model.ts';

/** Generates the attendee's copy; a conflict when they have not acknowledged confidentiality. */
export async function generateAttendeePack(
  db: Kysely<ServerDatabase>, w: WriteContext, meeting: LoadedMeeting, attendeeId: string, packs: PackWorkerClient,
): Promise<MeetingPackFile> {
  const attendee = await db.selectFrom('marac_attendees as t').innerJoin('users as u', 'u.id', 't.user_id').innerJoin('agencies as a', 'a.id', 't.agency_id')
    .select(['t.id', 't.acknowledged_at', 'u.id as user_id', 'u.display_name', 'u.role', 'u.agency_id', 'a.name as agency_name'])
    .where('t.id', '=', attendeeId).where('t.meeting_id', '=', meeting.row.id).executeTakeFirst();
  if (!attendee) {
    throw new CodedError('validation_error', 'Invalid body at attendeeId: not an attendee of this meeting.');
  }
  if (attendee.acknowledged_at === null) {
    throw new CodedError('conflict', 'This attendee has not acknowledged the confidentiality of the meeting: their pack cannot be released yet.');
  }
  const teams = await db.selectFrom('user_teams').select('team_id').where('user_id', '=', attendee.user_id).execute();
  const user = { id: attendee.user_id, agencyId: attendee.agency_id, teamIds: teams.map((t) => t.team_id), role: attendee.role };
  const model = await buildMeetingPackModel(db, meeting, user, w.now);
  const recipient = { user, name: attendee.display_name, agencyName: attendee.agency_name };
  const rendered = await generateMeetingPack(db, { actor: w.actor, model, recipient, at: w.now }, (m, r, at) => packs.render(m, r, at));
  const safe = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return {
    fileName: `MARAC-pack-${meeting.row.meeting_date}-${safe(attendee.agency_name)}-${safe(attendee.display_name)}.pdf`,
    recipient: { userId: attendee.user_id, name: attendee.display_name, agencyName: attendee.agency_name },
    sha256: rendered.sha256,
    pages: rendered.pages,
    pdfBase64: Buffer.from(rendered.pdf).toString('base64'),
  };
}
