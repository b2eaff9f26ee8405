/** A person's earlier DASH checklists (the reassessment history) and when the next is due. Read from the server. */
import { useId } from 'react';
import { DASH_BAND_LABELS } from '../../../domain/marac/dash-scoring.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { formatDate } from '../../words/format-date-time.ts';
import styles from './DashChecklist.module.css';

/** Whose history. */
export interface DashHistoryProps {
  personId: string;
}

/** Newest first; offline it says the history needs a connection. */
export function DashHistory({ personId }: DashHistoryProps) {
  const id = useId();
  const query = useDesktopQuery('marac.assessments.list', { personId }, { staleTime: 0 });
  const failure = errorBodyOf(query.error);
  return (
    <section className={styles.question} aria-labelledby={`${id}-title`} data-testid="dash-history">
      <h2 id={`${id}-title`} className={styles.legend}>Earlier checklists</h2>
      {failure && <RetryAlert error={failure} onRetry={() => void query.refetch()} className={undefined} />}
      {query.data && query.data.assessments.length === 0 && <p>No earlier checklists you can see.</p>}
      {query.data && query.data.assessments.length > 0 && (
        <>
          <p>Reassessment due {query.data.reassessmentDue ? formatDate(query.data.reassessmentDue) : '—'}.</p>
          <ul>
            {query.data.assessments.map((a) => (
              <li key={a.id}>
                <time dateTime={a.assessedAt}>{formatDate(a.assessedAt)}</time>: score {a.score}, {DASH_BAND_LABELS[a.band]} risk ({a.agency.name})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
