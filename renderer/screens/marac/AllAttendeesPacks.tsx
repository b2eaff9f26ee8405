/**
 * "Generate packs for all attendees" (docs/marac.md): one copy per attendee who acknowledged
 * confidentiality, made one after another through the same route as a single copy, so each is cut by
 * the server to what that attendee's agency may see, watermarked and audited; each is saved as it
 * comes. The screen then lists, attendee by attendee, what was saved and what was not, and why.
 */
import { useId, useState } from 'react';
import type { MeetingRecord } from '../../../domain/entities/marac-meeting.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { meetingErrorMessage } from '../../words/marac-meeting-words.ts';
import { packOutcomeLine, packRecipients, packRunHeadline, type PackOutcome } from './all-packs-summary.ts';
import styles from './Meetings.module.css';
import { saveMeetingPack } from './save-meeting-pack.ts';

/** The button, the progress while copies are made, and the outcome per attendee. */
export function AllAttendeesPacks({ meeting }: { meeting: MeetingRecord }) {
  const id = useId();
  const api = useDesktopApi();
  const [progress, setProgress] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<PackOutcome[] | null>(null);
  const recipients = packRecipients(meeting.attendees);
  const run = async () => {
    setOutcomes(null);
    const made = new Map<string, PackOutcome>();
    for (const [index, attendee] of recipients.entries()) {
      setProgress(`Making copy ${String(index + 1)} of ${String(recipients.length)}, for ${attendee.name}…`);
      const result = await api['marac.meetings.pack']({ meetingId: meeting.id, attendeeId: attendee.id });
      if (result.ok) {
        saveMeetingPack(result.value);
        made.set(attendee.id, { attendee, kind: 'saved', file: result.value });
      } else {
        made.set(attendee.id, { attendee, kind: 'failed', error: result.error });
      }
    }
    setProgress(null);
    setOutcomes(meeting.attendees.map((attendee) => made.get(attendee.id) ?? { attendee, kind: 'not_acknowledged' }));
  };
  if (meeting.attendees.length === 0) {
    return null;
  }
  return (
    <div className={styles.grid} aria-labelledby={`${id}-title`} role="group">
      <h3 id={`${id}-title`}>Packs for all attendees</h3>
      {recipients.length === 0
        ? <p className={styles.intro}>No attendee has acknowledged confidentiality yet: a pack is released only to those who have.</p>
        : (
          <div>
            <button type="button" className="button button--primary" disabled={progress !== null} onClick={() => void run()}>
              Generate packs for all attendees
            </button>
          </div>
        )}
      <div role="status" data-testid="all-packs-outcome">
        {progress && <p>{progress}</p>}
        {outcomes && (
          <>
            <p>{packRunHeadline(outcomes)}</p>
            <ul>
              {outcomes.map((o) => <li key={o.attendee.id}>{packOutcomeLine(o, meetingErrorMessage)}</li>)}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
