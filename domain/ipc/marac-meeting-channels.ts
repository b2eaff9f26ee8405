/**
 * MARAC meetings on the desktop (docs/marac.md): the meetings list, one meeting, scheduling, the
 * agenda, acknowledgement, research, minutes, actions, the action tracker and pack copies. All go
 * to the server (meetings are not part of the offline copy); offline the reads answer `network_error`.
 */
import { z } from 'zod';
import {
  AddActionBodySchema, AddAgendaItemBodySchema, AddResearchBodySchema, AttendeeCandidatesSchema, MeetingActionSchema, MeetingPackFileSchema, MeetingRecordSchema,
  MeetingSummarySchema, ScheduleMeetingBodySchema, SetMinutesBodySchema,
} from '../entities/marac-meeting.ts';
import { IdSchema } from '../ids.ts';
import { defineChannel } from './channel.ts';

const MeetingInput = z.object({ meetingId: IdSchema }).strict();

export const maracMeetingChannels = {
  'marac.meetings.list': defineChannel({ input: z.null(), output: z.object({ meetings: z.array(MeetingSummarySchema) }), needsSession: true }),
  'marac.meetings.get': defineChannel({ input: MeetingInput, output: MeetingRecordSchema, needsSession: true }),
  'marac.meetings.schedule': defineChannel({ input: z.object({ meeting: ScheduleMeetingBodySchema }).strict(), output: MeetingRecordSchema, needsSession: true }),
  'marac.meetings.addAgendaItem': defineChannel({
    input: z.object({ meetingId: IdSchema, item: AddAgendaItemBodySchema }).strict(), output: MeetingRecordSchema, needsSession: true,
  }),
  'marac.meetings.orderAgenda': defineChannel({
    input: z.object({ meetingId: IdSchema, itemIds: z.array(IdSchema).min(1).max(200) }).strict(), output: MeetingRecordSchema, needsSession: true,
  }),
  'marac.meetings.attendeeCandidates': defineChannel({ input: MeetingInput, output: AttendeeCandidatesSchema, needsSession: true }),
  'marac.meetings.addAttendee': defineChannel({
    input: z.object({ meetingId: IdSchema, userId: IdSchema }).strict(), output: MeetingRecordSchema, needsSession: true,
  }),
  'marac.meetings.acknowledge': defineChannel({ input: MeetingInput, output: MeetingRecordSchema, needsSession: true }),
  'marac.meetings.addResearch': defineChannel({
    input: z.object({ meetingId: IdSchema, research: AddResearchBodySchema }).strict(), output: MeetingRecordSchema, needsSession: true,
  }),
  'marac.meetings.setMinutes': defineChannel({
    input: z.object({ meetingId: IdSchema, minutes: SetMinutesBodySchema }).strict(), output: MeetingRecordSchema, needsSession: true,
  }),
  'marac.meetings.addAction': defineChannel({
    input: z.object({ meetingId: IdSchema, action: AddActionBodySchema }).strict(), output: MeetingRecordSchema, needsSession: true,
  }),
  'marac.meetings.pack': defineChannel({
    input: z.object({ meetingId: IdSchema, attendeeId: IdSchema }).strict(), output: MeetingPackFileSchema, needsSession: true,
  }),
  'marac.actions.list': defineChannel({
    input: z.object({ openOnly: z.boolean() }).strict(), output: z.object({ actions: z.array(MeetingActionSchema) }), needsSession: true,
  }),
} as const;
