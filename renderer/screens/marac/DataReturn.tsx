/**
 * The SafeLives MARAC data return (#/marac/data-return), for MARAC coordinators: an area their agency
 * coordinates, a calendar quarter and the suppression of counts under 5 (all in the URL) — or one
 * meeting's return, reached from the meeting screen; the figures as tables and charts, and
 * "Save as CSV" / "Save as XLSX". Read from the server, audited there.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { DataReturnFormat, DataReturnRecord } from '../../../domain/marac/data-return-record.ts';
import type { Quarter } from '../../../domain/marac/data-return-quarter.ts';
import { isoDateOf } from '../../../domain/marac/calendar-dates.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { BackToQueueHeading } from '../../components/BackToQueueHeading.tsx';
import { Page } from '../../components/Page.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { quarterWords } from '../../words/data-return-words.ts';
import { errorMessage } from '../../words/error-messages.ts';
import { formatDate } from '../../words/format-date-time.ts';
import { plural } from '../../words/plural.ts';
import { DataReturnFigures } from './DataReturnFigures.tsx';
import { recentQuarters, type DataReturnSearch } from './data-return-search.ts';
import styles from './Meetings.module.css';
import { saveDataReturnFile } from './save-data-return-file.ts';

/** What the screen needs from the workspace. */
export interface DataReturnProps {
  /** The user's agency: the areas it coordinates are offered. */
  agencyId: string;
  search: DataReturnSearch;
  onSearch: (search: DataReturnSearch) => void;
  onBack: () => void;
  /** Today's date, `YYYY-MM-DD` (the quarters offered end with today's). */
  today?: string;
}

/** The period of a return in words: the quarter and its number of meetings, or the meeting's date. */
function periodWords(period: DataReturnRecord['period']): string {
  return period.kind === 'quarter' ? `${quarterWords(period.quarter)}: ${plural(period.meetings, 'meeting')}` : `meeting of ${formatDate(period.date)}`;
}

/** The screen. */
export function DataReturn({ agencyId, search, onSearch, onBack, today = isoDateOf(new Date()) }: DataReturnProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const api = useDesktopApi();
  const areas = useDesktopQuery('marac.areas', null);
  const mine = areas.data?.areas.filter((a) => a.coordinatorAgency.id === agencyId) ?? [];
  const quarters = recentQuarters(today);
  const areaId = search.area ?? mine[0]?.id ?? '';
  const quarter: Quarter = search.quarter ?? quarters[0]!;
  const suppressUnder5 = search.suppress ?? false;
  const meetingId = search.meeting;
  const input = { scope: meetingId === undefined ? { kind: 'quarter' as const, areaId, quarter } : { kind: 'meeting' as const, meetingId }, suppressUnder5 };
  const figures = useDesktopQuery('marac.dataReturn.get', input, { enabled: areaId !== '' || meetingId !== undefined, staleTime: 0, gcTime: 0 });
  const [saved, setSaved] = useState<string | null>(null);
  const save = useSubmit((format: DataReturnFormat) => api['marac.dataReturn.file']({ ...input, format }), {
    onSuccess: (file) => {
      saveDataReturnFile(file);
      setSaved(`Saved ${file.fileName}.`);
    },
  });
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const failure = errorBodyOf(figures.error) ?? errorBodyOf(areas.error);
  const choose = (change: DataReturnSearch) => onSearch(meetingId === undefined
    ? { area: areaId, quarter, suppress: suppressUnder5, ...change }
    : { meeting: meetingId, suppress: suppressUnder5, ...change });
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={figures.isFetching} data-testid="marac-data-return">
      <BackToQueueHeading id={`${id}-title`} title="MARAC data return" headingRef={heading} onBack={onBack} />
      <p className={styles.intro}>
        {meetingId === undefined
          ? 'The SafeLives quarterly return: counts of the cases discussed at the area’s meetings in a calendar quarter. No names.'
          : 'The SafeLives return of one meeting: counts of the cases on its agenda. No names.'}
      </p>
      <div className={`${styles.section} ${styles.row}`}>
        {meetingId === undefined ? (
          <>
            <label htmlFor={`${id}-area`}>MARAC area</label>
            <select id={`${id}-area`} className="field__input" value={areaId} onChange={(e) => choose({ area: e.target.value })}>
              {mine.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </select>
            <label htmlFor={`${id}-quarter`}>Quarter</label>
            <select id={`${id}-quarter`} className="field__input" value={quarter} onChange={(e) => choose({ quarter: e.target.value })}>
              {(quarters.includes(quarter) ? quarters : [quarter, ...quarters]).map((q) => <option key={q} value={q}>{quarterWords(q)}</option>)}
            </select>
          </>
        ) : (
          <button type="button" className="button" onClick={() => onSearch({ suppress: suppressUnder5 })}>Show a quarter’s return instead</button>
        )}
        <label className={styles.check}>
          <input type="checkbox" checked={suppressUnder5} onChange={(e) => choose({ suppress: e.target.checked })} />Suppress counts under 5
        </label>
      </div>
      {meetingId === undefined && areas.data && mine.length === 0 && <p className="empty-state">Your agency coordinates no MARAC area.</p>}
      {figures.isFetching && <p className={styles.intro}>Loading…</p>}
      {!figures.isFetching && failure && <RetryAlert error={failure} onRetry={() => void figures.refetch()} className="empty-state" />}
      {!figures.isFetching && figures.data && (
        <>
          <p className={styles.intro} data-testid="data-return-period">
            {figures.data.area.name}, {periodWords(figures.data.period)}
          </p>
          <div className={styles.row}>
            <button type="button" className="button" disabled={save.busy} onClick={() => void save.submit('csv')}>Save as CSV</button>
            <button type="button" className="button" disabled={save.busy} onClick={() => void save.submit('xlsx')}>Save as XLSX</button>
          </div>
          {save.error && <p className="form-error" role="alert">{errorMessage(save.error.code)}</p>}
          {saved && <p role="status">{saved}</p>}
          <DataReturnFigures record={figures.data} />
        </>
      )}
    </Page>
  );
}
