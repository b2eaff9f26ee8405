/**
 * "Markers due for review": the warnings the user's agency placed whose review date has passed or falls
 * within the next 14 days, soonest first, each linking to what it is on. Read from the offline copy, so it
 * works offline; "Mark reviewed" sets the next review date from here.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { MARKER_REVIEW_WINDOW_DAYS, type MarkerReviewItem } from '../../../domain/ipc/marker-channels.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { BackToQueueHeading } from '../../components/BackToQueueHeading.tsx';
import { Page } from '../../components/Page.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { MARKER_TYPE_LABELS } from '../../words/display-labels.ts';
import { formatDate } from '../../words/format-date-time.ts';
import { ReviewMarkerDialog } from './ReviewMarkerDialog.tsx';
import styles from './MarkersForReview.module.css';

export interface MarkersForReviewProps {
  onBack: () => void;
  onOpenCase: (caseId: string) => void;
  onOpenPerson: (personId: string) => void;
}

const SUBJECT_WORDS = { case: 'Case', person: 'Person', location: 'Place' } as const;

/** The list as a table: type, on what, description, review date. */
export function MarkersForReview({ onBack, onOpenCase, onOpenPerson }: MarkersForReviewProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const query = useDesktopQuery('markers.reviewDue', {});
  const [reviewing, setReviewing] = useState<MarkerReviewItem | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const failure = errorBodyOf(query.error);
  const markers = query.data?.markers ?? null;
  const open = (m: MarkerReviewItem) => {
    if (m.subjectType === 'person') {
      onOpenPerson(m.subjectId);
    } else if (m.caseId !== null) {
      onOpenCase(m.caseId);
    }
  };
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={query.isFetching} data-testid="markers-review">
      <BackToQueueHeading id={`${id}-title`} title="Markers due for review" headingRef={heading} onBack={onBack} />
      <p className={styles.intro}>
        Warnings your agency placed whose review date has passed or is within the next {MARKER_REVIEW_WINDOW_DAYS} days, soonest first.
      </p>
      {saved && (
        <p className="form-saved" role="status">
          Review saved on this computer. It is sent to the server at the next sync.
        </p>
      )}
      {failure && <RetryAlert error={failure} onRetry={() => void query.refetch()} className="empty-state" />}
      {!failure && markers === null && query.isFetching && <p className={styles.intro}>Loading…</p>}
      {markers !== null && markers.length === 0 && <p className="empty-state">No warnings are due for review.</p>}
      {markers !== null && markers.length > 0 && (
        <table className={styles.table}>
          <caption className="visually-hidden">Warnings due for review</caption>
          <thead>
            <tr>
              <th scope="col">Review by</th>
              <th scope="col">Warning</th>
              <th scope="col">On</th>
              <th scope="col">Description</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {markers.map((m) => {
              const name = m.subjectName ?? `${SUBJECT_WORDS[m.subjectType]} not held on this computer`;
              const linkable = m.subjectType === 'person' || m.caseId !== null;
              return (
                <tr key={m.id} data-testid="review-marker">
                  <td>
                    <time dateTime={m.reviewDate}>{formatDate(m.reviewDate)}</time>
                    {m.overdue && <strong className={styles.overdue}> · Overdue</strong>}
                  </td>
                  <td>{MARKER_TYPE_LABELS[m.markerType]}</td>
                  <td>
                    <span className={styles.kind}>{SUBJECT_WORDS[m.subjectType]}: </span>
                    {linkable ? (
                      <button type="button" className={styles.link} onClick={() => open(m)}>
                        {name}
                      </button>
                    ) : (
                      name
                    )}
                  </td>
                  <td>{m.description}</td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      aria-label={`Mark reviewed: ${MARKER_TYPE_LABELS[m.markerType]} warning on ${name}`}
                      onClick={() => {
                        setSaved(false);
                        setReviewing(m);
                      }}
                    >
                      Mark reviewed
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {reviewing && (
        <ReviewMarkerDialog
          marker={reviewing}
          onClose={() => setReviewing(null)}
          onSaved={() => {
            setReviewing(null);
            setSaved(true);
          }}
        />
      )}
    </Page>
  );
}
