/**
 * "Versions" on an edited report: who made each version and when, read from the server (the
 * offline copy holds only the current text), so it needs a connection and says so when there is none.
 */
import { useId, useState } from 'react';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { errorMessage } from '../../words/error-messages.ts';
import { formatDateTime } from '../../words/format-date-time.ts';
import styles from './ReportVersions.module.css';

/** The report, how many versions it has, and its author (only the author edits a report). */
export interface ReportVersionsProps {
  reportId: string;
  reportTitle: string;
  version: number;
  authorUserId: string;
  authorAgencyName: string;
}

/** Nothing for a report never edited; otherwise a toggle and, when open, the versions oldest first. */
export function ReportVersions({ reportId, reportTitle, version, authorUserId, authorAgencyName }: ReportVersionsProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const query = useDesktopQuery('reports.versions', { reportId }, { enabled: open });
  const failure = errorBodyOf(query.error);
  if (version < 2) {
    return null;
  }
  const who = (editedBy: string) => (editedBy === authorUserId ? `the author (${authorAgencyName})` : `a user of ${authorAgencyName} (${editedBy.slice(0, 8)})`);
  return (
    <div className={styles.versions}>
      <button type="button" className="button" aria-expanded={open} aria-controls={`${id}-list`} aria-label={`Versions of ${reportTitle} (${version})`}
        onClick={() => setOpen(!open)}>
        Versions ({version})
      </button>
      <div id={`${id}-list`} hidden={!open} aria-busy={query.isFetching}>
        {open && query.isFetching && !query.data && <p role="status">Loading the versions…</p>}
        {open && failure && (
          <p className="form-error" role="alert">
            {failure.code === 'network_error' ? 'The earlier versions are kept on the server: connect this computer and try again.' : errorMessage(failure.code)}
          </p>
        )}
        {query.data && (
          <ol className={styles.list} data-testid="report-versions">
            {query.data.versions.map((v) => (
              <li key={v.version}>
                Version {v.version}: “{v.title}”, <time dateTime={v.editedAt}>{formatDateTime(v.editedAt)}</time>, by {who(v.editedBy)}
                {v.version === version ? ' (current)' : ''}
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
