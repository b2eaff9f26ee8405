/**
 * The Sync problems screen: changes in conflict with a newer server version, changes the server
 * refused, and people recorded offline whom the server found likely to be someone it holds.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import type { SyncStatus } from '../../../domain/ipc/sync-status.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { ConflictItem } from './ConflictItem.tsx';
import { BackToQueueHeading } from '../../components/BackToQueueHeading.tsx';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { plural } from '../../words/plural.ts';
import { PersonReviewList } from './PersonReviewList.tsx';
import { RefusedChangeList } from './RefusedChangeList.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import problemStyles from './ProblemItem.module.css';
import { Page } from '../../components/Page.tsx';
import styles from './SyncProblems.module.css';

/** What the screen needs from the workspace. */
export interface SyncProblemsProps {
  status: SyncStatus | null;
  onBack: () => void;
  onOpenCase: (caseId: string) => void;
}

/**
 * Lists both kinds of problem, read again whenever sync invalidates them (a resolution, a
 * dismissal, a sync). None of them holds up other changes: the outbox moved on past them.
 */
export function SyncProblems({ status, onBack, onOpenCase }: SyncProblemsProps) {
  const api = useDesktopApi();
  const queryClient = useQueryClient();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const conflicts = useDesktopQuery('sync.conflicts', null);
  const refused = useDesktopQuery('sync.rejected', null);
  const reviews = useDesktopQuery('sync.personReviews', null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  // A resolved item leaves the list; focus goes back to the heading rather than to the page's end.
  const settled = () => {
    void queryClient.invalidateQueries({ queryKey: ['sync.conflicts'] });
    void queryClient.invalidateQueries({ queryKey: ['sync.rejected'] });
    void queryClient.invalidateQueries({ queryKey: ['sync.personReviews'] });
    heading.current?.focus();
  };
  const retry = () => {
    void conflicts.refetch();
    void refused.refetch();
    void reviews.refetch();
  };
  const loading = conflicts.isFetching || refused.isFetching || reviews.isFetching;
  const failure = loading ? null : errorBodyOf(conflicts.error ?? refused.error ?? reviews.error);
  const shown = conflicts.data && refused.data && reviews.data ? { conflicts: conflicts.data, refused: refused.data, reviews: reviews.data } : null;
  const empty = shown !== null && shown.conflicts.length === 0 && shown.refused.length === 0 && shown.reviews.length === 0;

  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={loading} data-testid="sync-problems">
      <BackToQueueHeading id={`${id}-title`} title="Sync problems" headingRef={heading} onBack={onBack} />
      <p className={styles.intro}>
        These changes of yours did not reach the server as you made them, or need your answer. They do not hold up anything else: your other
        changes are sent as usual.
      </p>
      {failure && <RetryAlert className={styles.message} error={failure} onRetry={retry} />}
      {!shown && loading && (
        <p className={styles.message} role="status">
          Loading sync problems…
        </p>
      )}
      {empty && (
        <p className="empty-state" role="status">
          No sync problems: nothing is in conflict, nothing was refused and nobody is waiting for review.
          {status && status.pendingChanges > 0 ? ` ${plural(status.pendingChanges, 'change')} still waiting to be sent.` : ''}
        </p>
      )}
      {shown && shown.conflicts.length > 0 && (
        <section className={styles.group} aria-labelledby={`${id}-conflicts`}>
          <h2 id={`${id}-conflicts`} className={styles.groupTitle}>
            Conflicts to resolve ({shown.conflicts.length})
          </h2>
          <ul className={problemStyles.list}>
            {shown.conflicts.map((conflict) => (
              <ConflictItem key={conflict.id} conflict={conflict} onResolved={settled} onOpenCase={onOpenCase} />
            ))}
          </ul>
        </section>
      )}
      {shown && shown.refused.length > 0 && (
        <section className={styles.group} aria-labelledby={`${id}-refused`}>
          <h2 id={`${id}-refused`} className={styles.groupTitle}>
            Refused changes ({shown.refused.length})
          </h2>
          <RefusedChangeList changes={shown.refused} dismiss={(mutationId) => api['sync.dismissRejected']({ mutationId })} onDismissed={settled} />
        </section>
      )}
      {shown && shown.reviews.length > 0 && (
        <section className={styles.group} aria-labelledby={`${id}-reviews`}>
          <h2 id={`${id}-reviews`} className={styles.groupTitle}>
            People to review ({shown.reviews.length})
          </h2>
          <PersonReviewList reviews={shown.reviews} settle={(input) => api['sync.settlePersonReview'](input)} onSettled={settled} />
        </section>
      )}
    </Page>
  );
}
