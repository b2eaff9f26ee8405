/**
 * The meeting's offline copy (docs/marac.md, "A meeting with no network"): when the screen shows it,
 * that it is the copy and when it was taken; online, when the copy was last taken, and for the
 * coordinator running the meeting, *Take this meeting offline* (or refresh the copy).
 */
import { useId } from 'react';
import type { MeetingView } from '../../../domain/ipc/marac-meeting-channels.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { formatDateTime } from '../../words/format-date-time.ts';
import { meetingErrorMessage as messageOf } from '../../words/marac-meeting-words.ts';
import styles from './Meetings.module.css';

/** The notice and the button. */
export function MeetingOfflineCopy({ meeting, onChange }: { meeting: MeetingView; onChange: (m: MeetingView) => void }) {
  const id = useId();
  const api = useDesktopApi();
  const take = useSubmit(() => api['marac.meetings.takeOffline']({ meetingId: meeting.id }), { onSuccess: onChange });
  const { takenAt, fromCopy, waitingToSync } = meeting.copy;
  const waiting = waitingToSync.minutes.length + waitingToSync.actions.length;
  if (!fromCopy && takenAt === null && !meeting.abilities.run && waiting === 0) {
    return null;
  }
  return (
    <section className={styles.section} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Working with no network</h2>
      {fromCopy && takenAt !== null && (
        <p role="status"><strong>Offline copy taken at {formatDateTime(takenAt)}.</strong> Casebridge cannot reach the server. Minutes and actions you record are kept
          on this computer and sent when it is connected; research, attendees, the agenda order and packs need the connection.</p>
      )}
      {!fromCopy && takenAt !== null && <p>Offline copy taken at {formatDateTime(takenAt)}. It is brought up to date each time the meeting is opened with a connection.</p>}
      {!fromCopy && takenAt === null && meeting.abilities.run && (
        <p className={styles.intro}>Take this meeting offline to run it on this computer without a network: the meeting as you see it now is kept, encrypted, on this computer.</p>
      )}
      {waiting > 0 && <p>{waiting === 1 ? 'One change is' : `${String(waiting)} changes are`} waiting to sync.</p>}
      {!fromCopy && meeting.abilities.run && (
        <button type="button" className="button" disabled={take.busy} onClick={() => void take.submit()}>
          {takenAt === null ? 'Take this meeting offline' : 'Refresh the offline copy'}
        </button>
      )}
      {take.error && <p className="form-error" role="alert">{messageOf(take.error)}</p>}
    </section>
  );
}
