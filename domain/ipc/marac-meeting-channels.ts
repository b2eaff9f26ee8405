/**
 * MARAC meetings on the desktop (docs/marac.md): the meetings list, one meeting, scheduling, the
 * agenda, acknowledgement, research, minutes, actions, the action tracker and pack copies. All go
 * to the server; a meeting the coordinator took offline is answered from its copy in the encrypted
 * cache when the server cannot be reached (other reads then answer `network_error`).
 */
import { z } from 'zod';
import {
  AddActionBodySchema, AddAgendaItemBodySchema, AddResearchBodySchema, AttendeeCandidatesSchema, MeetingActionSchema, MeetingPackFileSchema, MeetingRecordSchema,
  MeetingSummarySchema, ScheduleMeetingBodySchema, SetMinutesBodySchema,
} from '../entities/marac-meeting.ts';
import { IdSchema, TimestampSchema } from '../ids.ts';
import { defineChannel } from './channel.ts';

const MeetingInput = z.object({ meetingId: IdSchema }).strict();

/** Where a meeting answer comes from, and what it shows that the server does not have yet. */
export const MeetingCopyStateSchema = z.object({
  /** When this user's offline copy was taken (refreshed by every online read); null: not taken offline. */
  takenAt: TimestampSchema.nullable(),
  /** True when the server could not be reached and this is the offline copy. */
  fromCopy: z.boolean(),
  /** Minutes (agenda item ids) and actions (task ids) recorded on this computer, waiting to sync. */
  waitingToSync: z.object({ minutes: z.array(IdSchema), actions: z.array(IdSchema) }),
});
/** Where a meeting answer comes from. */
export type MeetingCopyState = z.infer<typeof MeetingCopyStateSchema>;

/** A meeting as the desktop shows it: the server's record (or the offline copy) and where it came from. */
export const MeetingViewSchema = MeetingRecordSchema.extend({ copy: MeetingCopyStateSchema });
/** A meeting as the desktop shows it. */
export type MeetingView = z.infer<typeof MeetingViewSchema>;

export const maracMeetingChannels = {
  'marac.meetings.list': defineChannel({ input: z.null(), output: z.object({ meetings: z.array(MeetingSummarySchema) }), needsSession: true }),
  'marac.meetings.get': defineChannel({ input: MeetingInput, output: MeetingViewSchema, needsSession: true }),
  /** Reads the meeting from the server and keeps it in the encrypted cache (the coordinator running it). */
  'marac.meetings.takeOffline': defineChannel({ input: MeetingInput, output: MeetingViewSchema, needsSession: true }),
  'marac.meetings.schedule': defineChannel({ input: z.object({ meeting: ScheduleMeetingBodySchema }).strict(), output: MeetingViewSchema, needsSession: true }),
  'marac.meetings.addAgendaItem': defineChannel({
    input: z.object({ meetingId: IdSchema, item: AddAgendaItemBodySchema }).strict(), output: MeetingViewSchema, needsSession: true,
  }),
  'marac.meetings.orderAgenda': defineChannel({
    input: z.object({ meetingId: IdSchema, itemIds: z.array(IdSchema).min(1).max(200) }).strict(), output: MeetingViewSchema, needsSession: true,
  }),
  'marac.meetings.attendeeCandidates': defineChannel({ input: MeetingInput, output: AttendeeCandidatesSchema, needsSession: true }),
  'marac.meetings.addAttendee': defineChannel({
    input: z.object({ meetingId: IdSchema, userId: IdSchema }).strict(), output: MeetingViewSchema, needsSession: true,
  }),
  'marac.meetings.acknowledge': defineChannel({ input: MeetingInput, output: MeetingViewSchema, needsSession: true }),
  'marac.meetings.addResearch': defineChannel({
    input: z.object({ meetingId: IdSchema, research: AddResearchBodySchema }).strict(), output: MeetingViewSchema, needsSession: true,
  }),
  'marac.meetings.setMinutes': defineChannel({
    input: z.object({ meetingId: IdSchema, minutes: SetMinutesBodySchema }).strict(), output: MeetingViewSchema, needsSession: true,
  }),
  'marac.meetings.addAction': defineChannel({
    input: z.object({ meetingId: IdSchema, action: AddActionBodySchema }).strict(), output: MeetingViewSchema, needsSession: true,
  }),
  'marac.meetings.pack': defineChannel({
    input: z.object({ meetingId: IdSchema, attendeeId: IdSchema }).strict(), output: MeetingPackFileSchema, needsSession: true,
  }),
  'marac.actions.list': defineChannel({
    input: z.object({ openOnly: z.boolean() }).strict(), output: z.object({ actions: z.array(MeetingActionSchema) }), needsSession: true,
  }),
} as const;
