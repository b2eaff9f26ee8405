/**
 * The data officer's retention screen (#/retention): their agency's closed cases due for review,
 * with the decision, legal hold and erasure dialogs. Read from the server (online only); no case
 * content is shown, only references, types and dates (docs/audit.md, "Retention and erasure").
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ErasureTombstone, RetentionReviewItem } from '../../../domain/entities/retention.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { BackToQueueHeading } from '../../components/BackToQueueHeading.tsx';
import { Page } from '../../components/Page.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { EraseDialog } from './EraseDialog.tsx';
import { ReviewDialog } from './ReviewDialog.tsx';
import { ReviewTable } from './ReviewTable.tsx';
import styles from './Retention.module.css';

/** What the screen needs from the workspace. */
export interface RetentionProps {
  onBack: () => void;
}

type OpenDialog = { kind: 'review' | 'erase'; item: RetentionReviewItem } | null;

/** Loads the list when opened and after each decision; says what an erasure left. */
export function Retention({ onBack }: RetentionProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const query = useDesktopQuery('retention.reviews', {}, { staleTime: 0, gcTime: 0 });
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [erased, setErased] = useState<{ reference: string; tombstone: ErasureTombstone } | null>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const failure = errorBodyOf(query.error);
  const close = () => {
    setDialog(null);
    void query.refetch();
  };
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={query.isFetching} data-testid="retention">
      <BackToQueueHeading id={`${id}-title`} title="Retention reviews" headingRef={heading} onBack={onBack} />
      <p className={styles.intro}>
        Your agency&apos;s closed cases whose retention period has ended. Keep each one until a later date, or decide to erase it; a legal hold stops
        erasure until it is released. Every decision is recorded in the audit trail.
      </p>
      {erased && (
        <p role="status" className={styles.done} data-testid="erased-status">
          {`${erased.reference} was erased. Its tombstone records the rule: ${erased.tombstone.rule}.`}
        </p>
      )}
      {query.isFetching && !query.data && <p className={styles.intro}>Loading…</p>}
      {!query.isFetching && failure && <RetryAlert error={failure} onRetry={() => void query.refetch()} className="empty-state" />}
      {query.data && (
        <ReviewTable
          items={query.data.items}
          labelledBy={`${id}-title`}
          onReview={(item) => setDialog({ kind: 'review', item })}
          onErase={(item) => setDialog({ kind: 'erase', item })}
        />
      )}
      {dialog?.kind === 'review' && <ReviewDialog item={dialog.item} onClose={close} />}
      {dialog?.kind === 'erase' && (
        <EraseDialog
          item={dialog.item}
          onClose={close}
          onErased={(tombstone) => {
            setErased({ reference: dialog.item.reference, tombstone });
            close();
          }}
        />
      )}
    </Page>
  );
}
