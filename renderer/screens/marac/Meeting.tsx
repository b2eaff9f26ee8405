/**
 * One MARAC meeting (#/marac/meetings/$meetingId, docs/marac.md): details, attendees and their
 * confidentiality acknowledgement, the agenda (reordered by dragging or with Move up / Move down), each
 * case's research, minutes and actions, and the coordinator's pack copies, one attendee's or all of
 * them. Read from and written to the server; a meeting taken offline opens from its copy when the
 * server cannot be reached, and then records minutes and actions on this computer to sync later.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { MeetingView } from '../../../domain/ipc/marac-meeting-channels.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { desktopQueryKey, useDesktopQuery } from '../../api/desktop-query.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { Page } from '../../components/Page.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { formatDate, formatDateTime } from '../../words/format-date-time.ts';
import { meetingErrorMessage as messageOf } from '../../words/marac-meeting-words.ts';
import { AllAttendeesPacks } from './AllAttendeesPacks.tsx';
import { MeetingAgenda } from './MeetingAgenda.tsx';
import { MeetingOfflineCopy } from './MeetingOfflineCopy.tsx';
import styles from './Meetings.module.css';
import { saveMeetingPack } from './save-meeting-pack.ts';

/** The meeting to show and where to go back to. */
export interface MeetingProps {
  meetingId: string;
  onBack: () => void;
  /** Opens this meeting's SafeLives data return (offered to those who run the meeting). */
  onDataReturn?: (() => void) | undefined;
}

/** The screen: every write answers the meeting as it now stands, which replaces what is shown. */
export function Meeting({ meetingId, onBack, onDataReturn }: MeetingProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const client = useQueryClient();
  const query = useDesktopQuery('marac.meetings.get', { meetingId }, { staleTime: 0, gcTime: 0 });
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const update = (m: MeetingView) => client.setQueryData(desktopQueryKey('marac.meetings.get', { meetingId }), m);
  const failure = errorBodyOf(query.error);
  const m = query.data;
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={query.isFetching} data-testid="marac-meeting">
      <div className="toolbar">
        <button type="button" className="button" onClick={onBack}>← Back</button>
      </div>
      <h1 id={`${id}-title`} ref={heading} tabIndex={-1}>{m ? `MARAC meeting, ${formatDate(m.date)}` : 'MARAC meeting'}</h1>
      {!m && query.isFetching && <p className={styles.intro}>Loading…</p>}
      {!query.isFetching && failure && <RetryAlert error={failure} onRetry={() => void query.refetch()} className="empty-state" />}
      {m && (
        <>
          <p>{m.maracArea.name} · Chair {m.chair} · Coordinator {m.coordinator.displayName} ({m.coordinatorAgency.name})</p>
          <MeetingOfflineCopy meeting={m} onChange={update} />
          {m.abilities.run && !m.copy.fromCopy && onDataReturn && (
            <p><button type="button" className="button" onClick={onDataReturn}>Data return for this meeting</button></p>
          )}
          <Attendees meeting={m} onChange={update} />
          <MeetingAgenda meeting={m} onChange={update} />
        </>
      )}
    </Page>
  );
}

/** Attendees with their acknowledgement; the caller acknowledges here; the coordinator makes pack copies, one or all. */
function Attendees({ meeting, onChange }: { meeting: MeetingView; onChange: (m: MeetingView) => void }) {
  const id = useId();
  // The offline copy cannot make packs, add attendees or acknowledge: those need the server.
  const online = !meeting.copy.fromCopy;
  const run = meeting.abilities.run && online;
  const api = useDesktopApi();
  const acknowledge = useSubmit(() => api['marac.meetings.acknowledge']({ meetingId: meeting.id }), { onSuccess: onChange });
  const [made, setMade] = useState<string | null>(null);
  const pack = useSubmit((attendeeId: string) => api['marac.meetings.pack']({ meetingId: meeting.id, attendeeId }), {
    onSuccess: (file) => {
      saveMeetingPack(file);
      setMade(`Saved ${file.fileName} (${String(file.pages)} pages) for ${file.recipient.name}.`);
    },
  });
  return (
    <section className={styles.section} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Attendees</h2>
      {meeting.attendees.length === 0 ? <p className={styles.intro}>No attendees yet.</p> : (
        <ul className={styles.list}>
          {meeting.attendees.map((a) => (
            <li key={a.id} className={styles.row}>
              <span>{a.name} ({a.agency.name}): {a.acknowledgedAt === null ? 'has not acknowledged confidentiality' : `acknowledged confidentiality ${formatDateTime(a.acknowledgedAt)}`}</span>
              {run && a.acknowledgedAt !== null && (
                <button type="button" className="button" disabled={pack.busy} onClick={() => void pack.submit(a.id)}>Generate pack for {a.name}</button>
              )}
            </li>
          ))}
        </ul>
      )}
      {made && <p role="status">{made}</p>}
      {run && <AllAttendeesPacks meeting={meeting} />}
      {run && <AddAttendee meeting={meeting} onChange={onChange} />}
      {meeting.abilities.acknowledge && online && (
        <div>
          <p>This meeting is confidential. Its information is shared only to reduce risk to the people discussed, under your agency’s information sharing agreement.</p>
          <button type="button" className="button button--primary" disabled={acknowledge.busy} onClick={() => void acknowledge.submit()}>I acknowledge the confidentiality of this meeting</button>
        </div>
      )}
      {(acknowledge.error ?? pack.error) && <p className="form-error" role="alert">{messageOf((acknowledge.error ?? pack.error)!)}</p>}
    </section>
  );
}

/** The coordinator adds a user attending for their agency, chosen by agency and name. */
function AddAttendee({ meeting, onChange }: { meeting: MeetingView; onChange: (m: MeetingView) => void }) {
  const id = useId();
  const api = useDesktopApi();
  const client = useQueryClient();
  const candidates = useDesktopQuery('marac.meetings.attendeeCandidates', { meetingId: meeting.id }, { staleTime: 0 });
  const [userId, setUserId] = useState('');
  const add = useSubmit(() => api['marac.meetings.addAttendee']({ meetingId: meeting.id, userId }), {
    onSuccess: (m) => {
      onChange(m);
      setUserId('');
      void client.invalidateQueries({ queryKey: desktopQueryKey('marac.meetings.attendeeCandidates', { meetingId: meeting.id }) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void add.submit();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className={styles.grid}>
      <h3 id={`${id}-title`}>Add an attendee</h3>
      <label className="field__label" htmlFor={`${id}-user`}>Attendee</label>
      <select id={`${id}-user`} className="field__input" value={userId} onChange={(e) => setUserId(e.target.value)}>
        <option value="">Choose a person</option>
        {(candidates.data?.agencies ?? []).map((a) => (
          <optgroup key={a.id} label={a.name}>
            {a.users.map((u) => <option key={u.id} value={u.id}>{u.displayName} ({a.name})</option>)}
          </optgroup>
        ))}
      </select>
      <div><button type="submit" className="button" disabled={add.busy || userId === ''}>Add attendee</button></div>
      {add.error && <p className="form-error" role="alert">{messageOf(add.error)}</p>}
    </form>
  );
}
