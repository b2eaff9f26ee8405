/** MARAC meetings (#/marac/meetings): the meetings the user's agency coordinates or attends, and scheduling for coordinators. Read from the server. */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { BackToQueueHeading } from '../../components/BackToQueueHeading.tsx';
import { Page } from '../../components/Page.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { errorMessage } from '../../words/error-messages.ts';
import { formatDate } from '../../words/format-date-time.ts';
import styles from './Meetings.module.css';

/** What the screen needs from the workspace. */
export interface MeetingsProps {
  /** True for MARAC coordinators: they schedule meetings (the server decides for which areas). */
  coordinator: boolean;
  onBack: () => void;
  onOpenMeeting: (meetingId: string) => void;
  onOpenTracker: () => void;
}

/** The list, newest first, with the schedule form for coordinators. */
export function Meetings({ coordinator, onBack, onOpenMeeting, onOpenTracker }: MeetingsProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const query = useDesktopQuery('marac.meetings.list', null, { staleTime: 0, gcTime: 0 });
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const failure = errorBodyOf(query.error);
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={query.isFetching} data-testid="marac-meetings">
      <BackToQueueHeading id={`${id}-title`} title="MARAC meetings" headingRef={heading} onBack={onBack} />
      <p className={styles.intro}>Meetings your agency coordinates or attends. Each case on an agenda shows only if you may see it.</p>
      {coordinator && (
        <div className={styles.row}>
          <button type="button" className="button" onClick={onOpenTracker}>Action tracker</button>
        </div>
      )}
      {coordinator && <ScheduleMeeting onScheduled={onOpenMeeting} />}
      {query.isFetching && <p className={styles.intro}>Loading…</p>}
      {!query.isFetching && failure && <RetryAlert error={failure} onRetry={() => void query.refetch()} className="empty-state" />}
      {!query.isFetching && query.data && (query.data.meetings.length === 0
        ? <p className="empty-state">No meetings yet.</p>
        : (
          <table className="data-table" aria-labelledby={`${id}-title`}>
            <thead><tr><th scope="col">Date</th><th scope="col">MARAC area</th><th scope="col">Chair</th><th scope="col">Coordinator</th></tr></thead>
            <tbody>
              {query.data.meetings.map((m) => (
                <tr key={m.id}>
                  <td><button type="button" className="button" onClick={() => onOpenMeeting(m.id)}>{formatDate(m.date)}</button></td>
                  <td>{m.maracArea.name}</td><td>{m.chair}</td><td>{m.coordinator.displayName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </Page>
  );
}

/** The schedule form: area, date and chair; the caller is the coordinator. */
function ScheduleMeeting({ onScheduled }: { onScheduled: (meetingId: string) => void }) {
  const id = useId();
  const api = useDesktopApi();
  const areas = useDesktopQuery('marac.areas', null);
  const [areaId, setAreaId] = useState('');
  const [date, setDate] = useState('');
  const [chair, setChair] = useState('');
  const chosenArea = areaId || areas.data?.areas[0]?.id || '';
  const schedule = useSubmit(() => api['marac.meetings.schedule']({ meeting: { maracAreaId: chosenArea, date, chair } }), { onSuccess: (m) => onScheduled(m.id) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void schedule.submit();
  };
  return (
    <form className={styles.section} onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Schedule a meeting</h2>
      <div className={styles.grid}>
        <label className="field__label" htmlFor={`${id}-area`}>MARAC area</label>
        <select id={`${id}-area`} className="field__input" value={chosenArea} onChange={(e) => setAreaId(e.target.value)}>
          {(areas.data?.areas ?? []).map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
        <label className="field__label" htmlFor={`${id}-date`}>Date</label>
        <input id={`${id}-date`} className="field__input" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        <label className="field__label" htmlFor={`${id}-chair`}>Chair</label>
        <input id={`${id}-chair`} className="field__input" value={chair} onChange={(e) => setChair(e.target.value)} />
      </div>
      {schedule.error && <p className="form-error" role="alert">{schedule.error.code === 'validation_error' || schedule.error.code === 'conflict' ? schedule.error.message : errorMessage(schedule.error.code)}</p>}
      <button type="submit" className="button button--primary" disabled={schedule.busy}>Schedule the meeting</button>
    </form>
  );
}
