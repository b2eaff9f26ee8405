/** The safety-warning banner at the top of a case: every active marker on the case, its people and its places. */
import { useId, type ReactNode } from 'react';
import type { CaseDetailView } from '../../domain/ipc/case-detail-view.ts';
import { MARKER_TYPE_LABELS } from '../words/display-labels.ts';
import { formatDate } from '../words/format-date-time.ts';
import { plural } from '../words/plural.ts';
import styles from './MarkerBanner.module.css';

/** The banner; shown only when there is at least one active marker. `renderActions` adds controls under a marker (edit, review, end). */
export function MarkerBanner({ markers, renderActions }: { markers: CaseDetailView['markers']; renderActions?: (marker: CaseDetailView['markers'][number]) => ReactNode }) {
  const id = useId();
  if (markers.length === 0) {
    return null;
  }
  return (
    <section className={styles.banner} aria-labelledby={`${id}-title`} data-testid="marker-banner">
      <h2 id={`${id}-title`} className={styles.title}>
        Safety warnings ({plural(markers.length, 'marker')})
      </h2>
      <ul className={styles.list}>
        {markers.map((m) => (
          <li key={m.id} className={styles.item}>
            <p className={styles.kind}>
              {MARKER_TYPE_LABELS[m.markerType]}
              <span className={styles.on}>
                {m.subjectType === 'case'
                  ? ' · on this case'
                  : ` · on ${m.subjectName ?? (m.subjectType === 'person' ? 'a person in this case' : 'a place in this case')}`}
              </span>
            </p>
            <p className={styles.description}>{m.description}</p>
            <p className={styles.meta}>
              Placed by {m.ownerAgencyName} · review by {formatDate(m.reviewDate)}
              {m.expiresAt ? ` · expires ${formatDate(m.expiresAt)}` : ''}
            </p>
            {renderActions?.(m)}
          </li>
        ))}
      </ul>
    </section>
  );
}
