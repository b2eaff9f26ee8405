/**
 * People to review: someone the user recorded on this computer whom the server, when it was sent,
 * found to be probably someone it already holds. The user keeps the new person, or uses an existing
 * one they see in full instead (docs/sync.md, "People to review"); nothing is ever merged silently.
 */
import { useId } from 'react';
import type { PersonReview, SettlePersonReviewInput } from '../../../domain/ipc/sync-channels.ts';
import type { Result } from '../../../domain/result.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { errorMessage } from '../../words/error-messages.ts';
import { formatDateTime } from '../../words/format-date-time.ts';
import { DuplicateCandidates } from '../person-create/DuplicateCandidates.tsx';
import styles from './ProblemItem.module.css';

/** What the list needs: the reviews, and how to answer one (the desktop API's `sync.settlePersonReview`). */
export interface PersonReviewListProps {
  reviews: readonly PersonReview[];
  settle: (input: SettlePersonReviewInput) => Promise<Result<unknown>>;
  onSettled: () => void;
}

/** One list item per person to review; nothing when there are none. */
export function PersonReviewList({ reviews, settle, onSettled }: PersonReviewListProps) {
  if (reviews.length === 0) {
    return null;
  }
  return (
    <ul className={styles.list} data-testid="person-reviews">
      {reviews.map((review) => (
        <PersonReviewItem key={review.personId} review={review} settle={settle} onSettled={onSettled} />
      ))}
    </ul>
  );
}

function PersonReviewItem({ review, settle, onSettled }: { review: PersonReview } & Omit<PersonReviewListProps, 'reviews'>) {
  const id = useId();
  const name = `${review.givenName} ${review.familyName}`.trim();
  const { busy, error, submit } = useSubmit((input: SettlePersonReviewInput) => settle(input), { onSuccess: onSettled });
  return (
    <li className={styles.problem} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={styles.title}>
        {name}: recorded on this computer, may already be known
      </h3>
      <p className={styles.meta}>
        When this person was sent <time dateTime={review.createdAt}>{formatDateTime(review.createdAt)}</time>, the server found people who may be
        the same person. Use the existing person to put them on your cases instead of {name}, or keep {name} as a new person.
      </p>
      <DuplicateCandidates
        candidates={review.likelyMatches.map((match) => ({ match }))}
        fullOnly
        onUse={(existingPersonId) => void submit({ personId: review.personId, choice: 'use_existing', existingPersonId })}
      />
      <div className={styles.actions}>
        <button type="button" className="button" aria-describedby={`${id}-title`} disabled={busy}
          onClick={() => void submit({ personId: review.personId, choice: 'keep_new' })}>
          Keep as new
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {errorMessage(error.code)}
        </p>
      )}
    </li>
  );
}
