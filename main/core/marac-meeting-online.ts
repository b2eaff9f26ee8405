/**
 * The MARAC meeting channels: calls to the server; a meeting the coordinator took offline is read
 * from its copy when the server cannot be reached, and every answer naming the meeting refreshes
 * that copy (docs/marac.md, "A meeting with no network").
 */
import type { MeetingRecord } from '../../domain/entities/marac-meeting.ts';
import type { ChannelOutput, ChannelParsedInput } from '../../domain/ipc/contract.ts';
import type { MeetingView } from '../../domain/ipc/marac-meeting-channels.ts';
import { meetingAnswered, readMeeting, takeMeetingOffline, type MeetingCopyDeps } from './marac-meeting-copy.ts';
import { whenOnline } from './when-online.ts';

/** Offline, `network_error` saying what waits for the connection. */
const online = <T>(what: string, run: () => Promise<T>): Promise<T> => whenOnline(`${what} come from the server: they show again when this computer is connected.`, run);

/** The meeting channel handlers over `deps`. */
export function maracMeetingHandlers(deps: () => MeetingCopyDeps) {
  const auth = async () => ({ accessToken: await deps().accessToken() });
  /** A write's answer: the meeting as it now stands, which replaces a copy taken offline. */
  const answered = async (record: Promise<MeetingRecord>): Promise<MeetingView> => {
    const d = deps();
    return meetingAnswered(d, await record);
  };
  return {
    'marac.meetings.list': async (): Promise<ChannelOutput<'marac.meetings.list'>> =>
      online('MARAC meetings', async () => deps().api.call('listMaracMeetings', { ...(await auth()) })),
    'marac.meetings.get': async ({ meetingId }: ChannelParsedInput<'marac.meetings.get'>): Promise<ChannelOutput<'marac.meetings.get'>> =>
      readMeeting(deps(), meetingId),
    'marac.meetings.takeOffline': async ({ meetingId }: ChannelParsedInput<'marac.meetings.takeOffline'>): Promise<ChannelOutput<'marac.meetings.takeOffline'>> =>
      whenOnline('Taking a meeting offline reads it from the server: try again when this computer is connected.', async () => takeMeetingOffline(deps(), meetingId)),
    'marac.meetings.schedule': async ({ meeting }: ChannelParsedInput<'marac.meetings.schedule'>): Promise<ChannelOutput<'marac.meetings.schedule'>> =>
      answered(deps().api.call('scheduleMaracMeeting', { body: meeting, ...(await auth()) })),
    'marac.meetings.addAgendaItem': async ({ meetingId, item }: ChannelParsedInput<'marac.meetings.addAgendaItem'>): Promise<ChannelOutput<'marac.meetings.addAgendaItem'>> =>
      answered(deps().api.call('addMaracAgendaItem', { params: { id: meetingId }, body: item, ...(await auth()) })),
    'marac.meetings.orderAgenda': async ({ meetingId, itemIds }: ChannelParsedInput<'marac.meetings.orderAgenda'>): Promise<ChannelOutput<'marac.meetings.orderAgenda'>> =>
      answered(deps().api.call('orderMaracAgenda', { params: { id: meetingId }, body: { itemIds }, ...(await auth()) })),
    'marac.meetings.attendeeCandidates': async ({ meetingId }: ChannelParsedInput<'marac.meetings.attendeeCandidates'>): Promise<ChannelOutput<'marac.meetings.attendeeCandidates'>> =>
      online('Attendees', async () => deps().api.call('listMaracAttendeeCandidates', { params: { id: meetingId }, ...(await auth()) })),
    'marac.meetings.addAttendee': async ({ meetingId, userId }: ChannelParsedInput<'marac.meetings.addAttendee'>): Promise<ChannelOutput<'marac.meetings.addAttendee'>> =>
      answered(deps().api.call('addMaracAttendee', { params: { id: meetingId }, body: { userId }, ...(await auth()) })),
    'marac.meetings.acknowledge': async ({ meetingId }: ChannelParsedInput<'marac.meetings.acknowledge'>): Promise<ChannelOutput<'marac.meetings.acknowledge'>> =>
      answered(deps().api.call('acknowledgeMaracMeeting', { params: { id: meetingId }, ...(await auth()) })),
    'marac.meetings.addResearch': async ({ meetingId, research }: ChannelParsedInput<'marac.meetings.addResearch'>): Promise<ChannelOutput<'marac.meetings.addResearch'>> =>
      answered(deps().api.call('addMaracResearch', { params: { id: meetingId }, body: research, ...(await auth()) })),
    'marac.meetings.setMinutes': async ({ meetingId, minutes }: ChannelParsedInput<'marac.meetings.setMinutes'>): Promise<ChannelOutput<'marac.meetings.setMinutes'>> =>
      answered(deps().api.call('setMaracMinutes', { params: { id: meetingId }, body: minutes, ...(await auth()) })),
    'marac.meetings.addAction': async ({ meetingId, action }: ChannelParsedInput<'marac.meetings.addAction'>): Promise<ChannelOutput<'marac.meetings.addAction'>> =>
      answered(deps().api.call('addMaracAction', { params: { id: meetingId }, body: action, ...(await auth()) })),
    'marac.meetings.pack': async ({ meetingId, attendeeId }: ChannelParsedInput<'marac.meetings.pack'>): Promise<ChannelOutput<'marac.meetings.pack'>> =>
      deps().api.call('generateMaracPack', { params: { id: meetingId }, body: { attendeeId }, ...(await auth()) }),
    'marac.actions.list': async ({ openOnly }: ChannelParsedInput<'marac.actions.list'>): Promise<ChannelOutput<'marac.actions.list'>> =>
      online('MARAC actions', async () => deps().api.call('listMaracActions', { query: { open: openOnly ? 'true' : 'false' }, ...(await auth()) })),
  };
}
