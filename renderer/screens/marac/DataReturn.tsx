/**
 * The SafeLives MARAC data return (#/marac/data-return), for MARAC coordinators: an area their agency
 * coordinates, a calendar quarter and the suppression of counts under 5 (all in the URL); the
 * figures as tables and charts, and "Save as CSV" / "Save as XLSX". Read from the server, audited there.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { DataReturnFormat } from '../../../domain/marac/data-return-record.ts';
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
  const input = { scope: { kind: 'quarter' as const, areaId, quarter }, suppressUnder5 };
  const figures = useDesktopQuery('marac.dataReturn.get', input, { enabled: areaId !== '', staleTime: 0, gcTime: 0 });
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
  const choose = (change: DataReturnSearch) => onSearch({ area: areaId, quarter, suppress: suppressUnder5, ...change });
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={figures.isFetching} data-testid="marac-data-return">
      <BackToQueueHeading id={`${id}-title`} title="MARAC data return" headingRef={heading} onBack={onBack} />
      <p className={styles.intro}>The SafeLives quarterly return: counts of the cases discussed at the area’s meetings in a calendar quarter. No names.</p>
      <div className={`${styles.section} ${styles.row}`}>
        <label htmlFor={`${id}-area`}>MARAC area</label>
        <select id={`${id}-area`} value={areaId} onChange={(e) => choose({ area: e.target.value })}>
          {mine.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
        <label htmlFor={`${id}-quarter`}>Quarter</label>
        <select id={`${id}-quarter`} value={quarter} onChange={(e) => choose({ quarter: e.target.value })}>
          {(quarters.includes(quarter) ? quarters : [quarter, ...quarters]).map((q) => <option key={q} value={q}>{quarterWords(q)}</option>)}
        </select>
        <label className={styles.check}>
          <input type="checkbox" checked={suppressUnder5} onChange={(e) => choose({ suppress: e.target.checked })} />Suppress counts under 5
        </label>
      </div>
      {areas.data && mine.length === 0 && <p className="empty-state">Your agency coordinates no MARAC area.</p>}
      {figures.isFetching && <p className={styles.intro}>Loading…</p>}
      {!figures.isFetching && failure && <RetryAlert error={failure} onRetry={() => void figures.refetch()} className="empty-state" />}
      {!figures.isFetching && figures.data && (
        <>
          <p className={styles.intro} data-testid="data-return-period">
            {figures.data.area.name}, {quarterWords(quarter)}: {figures.data.period.kind === 'quarter' ? plural(figures.data.period.meetings, 'meeting') : ''}
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
