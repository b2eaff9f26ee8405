/**
 * A MARAC meeting with no network (docs/marac.md): the coordinator takes a meeting offline (the
 * server's read for this user, kept in the encrypted cache), every online read refreshes that copy,
 * and when the server cannot be reached the meeting is answered from it — the read recorded for the
 * audit trail as the server records its own — with the minutes and actions waiting to sync shown.
 */
import { CodedError } from '../../domain/errors.ts';
import type { MeetingRecord } from '../../domain/entities/marac-meeting.ts';
import type { MeetingView } from '../../domain/ipc/marac-meeting-channels.ts';
import type { LocalRead } from '../cache/audit-outbox.ts';
import type { CaseCache } from '../cache/case-cache.ts';
import { OFFLINE_CODES } from '../sync/sync-engine.ts';
import type { MaracDeps } from './marac-online.ts';

/** What the meeting copy channels need: the server and the signed-in user's cache. */
export interface MeetingCopyDeps extends MaracDeps {
  cache: CaseCache;
  userId: string;
  now: () => Date;
}

const NO_COPY = 'MARAC meetings come from the server: this meeting was not taken offline on this computer, so it shows again when this computer is connected.';

/** The meeting as shown: waiting changes applied and marked, and where it came from. */
async function viewOf(deps: MeetingCopyDeps, record: MeetingRecord, takenAt: string | null, fromCopy: boolean): Promise<MeetingView> {
  const { record: shown, waiting } = await deps.cache.meetingCopies.withWaiting(record);
  return { ...shown, copy: { takenAt, fromCopy, waitingToSync: waiting } };
}

/**
 * Stores the server's answer with the changes still waiting in the outbox applied, as the optimistic
 * apply left the copy: so once they are pushed the copy still shows them until the next online read.
 */
async function storeCopy(deps: MeetingCopyDeps, record: MeetingRecord, takenAt: string): Promise<MeetingView> {
  const view = await viewOf(deps, record, takenAt, false);
  const { copy: _copy, ...shown } = view;
  await deps.cache.meetingCopies.store(deps.userId, shown, takenAt);
  return view;
}

/** The read recorded when the offline copy answers: the server records `GET /marac/meetings/:id` with the same details. */
function meetingViewed(record: MeetingRecord): LocalRead {
  return {
    action: 'record.view', entityType: 'marac_meeting', entityId: record.id,
    details: { caseIds: record.agenda.map((i) => i.caseId), researchIds: record.agenda.flatMap((i) => i.research.map((r) => r.id)) },
  };
}

/** A meeting the server answered: a copy already taken is replaced by it; none is made. */
export async function meetingAnswered(deps: MeetingCopyDeps, record: MeetingRecord): Promise<MeetingView> {
  const copies = deps.cache.meetingCopies;
  if ((await copies.takenAt(record.id, deps.userId)) !== null) {
    return storeCopy(deps, record, deps.now().toISOString());
  }
  return viewOf(deps, record, null, false);
}

/** Reads the meeting online, or from this user's copy when the server cannot be reached. */
export async function readMeeting(deps: MeetingCopyDeps, meetingId: string): Promise<MeetingView> {
  let record: MeetingRecord;
  try {
    record = await deps.api.call('getMaracMeeting', { params: { id: meetingId }, accessToken: await deps.accessToken() });
  } catch (error) {
    if (error instanceof CodedError && error.code === 'not_found') {
      // The server no longer shows it to this user: nor may the copy.
      await deps.cache.meetingCopies.forget(meetingId);
      throw error;
    }
    if (!(error instanceof CodedError && OFFLINE_CODES.has(error.code))) {
      throw error;
    }
    const copy = await deps.cache.meetingCopies.read(meetingId, deps.userId);
    if (!copy) {
      throw new CodedError('network_error', NO_COPY);
    }
    try {
      await deps.cache.auditOutbox.record(deps.userId, meetingViewed(copy.record));
    } catch (recordError) {
      throw recordError instanceof CodedError ? recordError : new CodedError('internal_error', 'Casebridge could not record this in the audit trail, so it is not shown.');
    }
    return viewOf(deps, copy.record, copy.takenAt, true);
  }
  return meetingAnswered(deps, record);
}

/** Reads the meeting from the server and keeps it for use with no network; only the coordinator running it may. */
export async function takeMeetingOffline(deps: MeetingCopyDeps, meetingId: string): Promise<MeetingView> {
  const record = await deps.api.call('getMaracMeeting', { params: { id: meetingId }, accessToken: await deps.accessToken() });
  if (!record.abilities.run) {
    throw new CodedError('authorization_error', 'Only the coordinator running this meeting can take it offline.');
  }
  return storeCopy(deps, record, deps.now().toISOString());
}
