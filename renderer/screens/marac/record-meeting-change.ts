/**
 * Minutes and actions from the meeting screen (docs/marac.md, "A meeting with no network"): online
 * they go to the server, which answers the meeting as it now stands; when the screen shows the
 * offline copy, or the server cannot be reached, they are queued through `changes.submit` (the
 * encrypted outbox) and shown at once, marked as waiting to sync, until the push.
 */
import type { DesktopApi } from '../../../domain/ipc/contract.ts';
import type { MeetingView } from '../../../domain/ipc/marac-meeting-channels.ts';
import { applyMeetingChange, meetingAgencyNames, type MeetingLocalChange } from '../../../domain/sync/meeting-local-changes.ts';
import type { Result } from '../../../domain/result.ts';

/** Codes that mean the server was not reached: the change waits on this computer instead. */
const QUEUE_ON: ReadonlySet<string> = new Set(['network_error', 'server_unavailable']);

/** The meeting to show after a change, and whether the change waits to sync. */
export interface RecordedChange {
  view: MeetingView;
  queued: boolean;
}

/** The meeting shown with a queued change applied and marked as waiting to sync. */
export function withQueuedChange(meeting: MeetingView, change: MeetingLocalChange): MeetingView {
  const names = meetingAgencyNames(meeting);
  const next = applyMeetingChange(meeting, change, (id) => names.get(id));
  const w = meeting.copy.waitingToSync;
  const waitingToSync = change.name === 'marac_meeting.setMinutes'
    ? { ...w, minutes: w.minutes.includes(change.args.agendaItemId) ? w.minutes : [...w.minutes, change.args.agendaItemId] }
    : { ...w, actions: [...w.actions, change.args.taskId] };
  return { ...next, copy: { ...meeting.copy, waitingToSync } };
}

/** Sends the change online unless the screen is on the offline copy; queues it when the server cannot be reached. */
export async function recordMeetingChange(
  api: DesktopApi, meeting: MeetingView, change: MeetingLocalChange, online: () => Promise<Result<MeetingView>>,
): Promise<Result<RecordedChange>> {
  if (!meeting.copy.fromCopy) {
    const answer = await online();
    if (answer.ok) {
      return { ok: true, value: { view: answer.value, queued: false } };
    }
    if (!QUEUE_ON.has(answer.error.code)) {
      return { ok: false, error: answer.error };
    }
  }
  const queued = await api['changes.submit'](change);
  if (!queued.ok) {
    return { ok: false, error: queued.error };
  }
  return { ok: true, value: { view: withQueuedChange(meeting, change), queued: true } };
}
