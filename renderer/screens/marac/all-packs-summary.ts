/**
 * What "Generate packs for all attendees" made, in words (docs/marac.md): a copy for each attendee
 * who acknowledged confidentiality, each cut to what that attendee may see; none for the others.
 */
import type { Attendee, MeetingPackFile } from '../../../domain/entities/marac-meeting.ts';
import type { ErrorBody } from '../../../domain/errors.ts';

/** One attendee's outcome: the copy saved, the reason none was made, or the refusal. */
export type PackOutcome =
  | { attendee: Attendee; kind: 'saved'; file: MeetingPackFile }
  | { attendee: Attendee; kind: 'not_acknowledged' }
  | { attendee: Attendee; kind: 'failed'; error: ErrorBody };

/** The attendees who get a copy (acknowledged), in the meeting's order. */
export function packRecipients(attendees: readonly Attendee[]): Attendee[] {
  return attendees.filter((a) => a.acknowledgedAt !== null);
}

/** The headline: how many copies were saved out of how many attendees. */
export function packRunHeadline(outcomes: readonly PackOutcome[]): string {
  const saved = outcomes.filter((o) => o.kind === 'saved').length;
  const copies = saved === 1 ? 'one copy' : `${String(saved)} copies`;
  const of = outcomes.length === 1 ? 'the one attendee' : `${String(outcomes.length)} attendees`;
  return `Saved ${copies} of the pack for ${of}. Each copy holds only what its attendee’s agency may see, and is watermarked with their name.`;
}

/** One line per attendee, in the meeting's order. */
export function packOutcomeLine(outcome: PackOutcome, describe: (error: ErrorBody) => string): string {
  const who = `${outcome.attendee.name} (${outcome.attendee.agency.name})`;
  switch (outcome.kind) {
    case 'saved':
      return `${who}: saved ${outcome.file.fileName}, ${String(outcome.file.pages)} ${outcome.file.pages === 1 ? 'page' : 'pages'}.`;
    case 'not_acknowledged':
      return `${who}: no copy, has not acknowledged confidentiality.`;
    case 'failed':
      return `${who}: no copy, ${describe(outcome.error)}`;
  }
}
