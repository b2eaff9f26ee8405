/**
 * Minutes and actions recorded on this computer, applied to a meeting as the server answered it
 * (docs/marac.md, "A meeting with no network"). Pure and idempotent, so the same change can be
 * applied to the offline copy when it is queued and again over a fresher server answer while it
 * still waits in the outbox. The server decides at push; this is only what the coordinator sees
 * meanwhile.
 */
import type { MeetingAction, MeetingRecord } from '../entities/marac-meeting.ts';

/** A meeting change waiting in the outbox: the arguments of `marac_meeting.setMinutes` or `marac_meeting.addAction`. */
export type MeetingLocalChange =
  | { name: 'marac_meeting.setMinutes'; args: { meetingId: string; agendaItemId: string; text: string } }
  | {
    name: 'marac_meeting.addAction';
    args: { meetingId: string; taskId: string; agendaItemId: string; title: string; description: string; ownerAgencyId: string; dueDate: string };
  };

/** Which minutes (agenda item ids) and actions (task ids) are shown before the server has them. */
export interface WaitingToSync {
  minutes: string[];
  actions: string[];
}

/** Every agency the meeting names, by id: where an action's owner agency gets its name. */
export function meetingAgencyNames(record: MeetingRecord): Map<string, string> {
  const names = new Map<string, string>([[record.coordinatorAgency.id, record.coordinatorAgency.name]]);
  for (const a of record.attendees) {
    names.set(a.agency.id, a.agency.name);
  }
  for (const item of record.agenda) {
    names.set(item.referringAgency.id, item.referringAgency.name);
    for (const action of item.actions) {
      names.set(action.ownerAgency.id, action.ownerAgency.name);
    }
  }
  return names;
}

/**
 * The meeting with one change applied; the same record when the change is for another meeting or
 * an agenda case the copy does not hold (hidden from this user, or removed from the copy).
 * Minutes replace the case's minutes (empty text clears them, as on the server); an action is added
 * once, open, under its task id.
 */
export function applyMeetingChange(record: MeetingRecord, change: MeetingLocalChange, agencyName: (id: string) => string | undefined): MeetingRecord {
  if (change.args.meetingId !== record.id || !record.agenda.some((i) => i.id === change.args.agendaItemId)) {
    return record;
  }
  const agenda = record.agenda.map((item) => {
    if (item.id !== change.args.agendaItemId) {
      return item;
    }
    if (change.name === 'marac_meeting.setMinutes') {
      return { ...item, minutes: change.args.text === '' ? null : change.args.text };
    }
    const a = change.args;
    if (item.actions.some((x) => x.taskId === a.taskId)) {
      return item;
    }
    const action: MeetingAction = {
      taskId: a.taskId, meetingId: record.id, meetingDate: record.date, caseId: item.caseId, caseReference: item.caseReference, title: a.title,
      description: a.description, ownerAgency: { id: a.ownerAgencyId, name: agencyName(a.ownerAgencyId) ?? 'Agency' }, dueDate: a.dueDate,
      status: 'open', overdue: false,
    };
    return { ...item, actions: [...item.actions, action] };
  });
  return { ...record, agenda };
}

/**
 * The meeting with every waiting change applied in order, and which of them it shows. A change still
 * in the outbox is waiting even if the record already shows it (the offline copy shows it from the
 * moment it was queued; a push whose answer was lost is replayed harmlessly).
 */
export function withWaitingChanges(record: MeetingRecord, changes: readonly MeetingLocalChange[], agencyName: (id: string) => string | undefined): {
  record: MeetingRecord; waiting: WaitingToSync;
} {
  let out = record;
  const waiting: WaitingToSync = { minutes: [], actions: [] };
  for (const change of changes) {
    const next = applyMeetingChange(out, change, agencyName);
    if (next === out) {
      continue;
    }
    out = next;
    if (change.name === 'marac_meeting.setMinutes') {
      if (!waiting.minutes.includes(change.args.agendaItemId)) {
        waiting.minutes.push(change.args.agendaItemId);
      }
    } else {
      waiting.actions.push(change.args.taskId);
    }
  }
  return { record: out, waiting };
}

/**
 * The meeting without the agenda cases of `caseIds` (removed from the offline copy: erased, or no
 * longer visible to this user), each counted as hidden, as the server counts a case the reader may
 * not see. Null when none of them is on the agenda.
 */
export function withoutCases(record: MeetingRecord, caseIds: ReadonlySet<string>): MeetingRecord | null {
  const agenda = record.agenda.filter((i) => !caseIds.has(i.caseId));
  if (agenda.length === record.agenda.length) {
    return null;
  }
  return { ...record, agenda, hiddenItems: record.hiddenItems + (record.agenda.length - agenda.length) };
}
