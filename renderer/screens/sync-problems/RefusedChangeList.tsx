/** The user's changes the server refused, each with the server's reason and a Dismiss button. */
import { useId } from 'react';
import type { RejectedChange } from '../../../domain/ipc/sync-channels.ts';
import type { Result } from '../../../domain/result.ts';
import { errorMessage } from '../../words/error-messages.ts';
import { formatDateTime } from '../../words/format-date-time.ts';
import { describeChange } from '../../words/sync-problem-words.ts';
import { useSubmit } from '../../api/use-submit.ts';
import styles from './ProblemItem.module.css';

/** What the list needs: the refusals, and how to dismiss one (the desktop API's `sync.dismissRejected`). */
export interface RefusedChangeListProps {
  changes: readonly RejectedChange[];
  dismiss: (mutationId: number) => Promise<Result<unknown>>;
  onDismissed: () => void;
}

/** One list item per refused change; nothing when there are none. */
export function RefusedChangeList({ changes, dismiss, onDismissed }: RefusedChangeListProps) {
  if (changes.length === 0) {
    return null;
  }
  return (
    <ul className={styles.list} data-testid="refused-changes">
      {changes.map((change) => (
        <RefusedChangeItem key={change.mutationId} change={change} dismiss={dismiss} onDismissed={onDismissed} />
      ))}
    </ul>
  );
}

function RefusedChangeItem({ change, dismiss, onDismissed }: { change: RejectedChange } & Omit<RefusedChangeListProps, 'changes'>) {
  const id = useId();
  const { busy, error, submit } = useSubmit(() => dismiss(change.mutationId), { onSuccess: onDismissed });
  return (
    <li className={styles.problem} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={styles.title}>
        {describeChange(change.name, change.args)}
      </h3>
      <p className={styles.meta}>
        Made on this computer <time dateTime={change.createdAt}>{formatDateTime(change.createdAt)}</time>. The server refused it, so it has been taken
        back here; your other changes went ahead.
      </p>
      <p className={styles.reason}>
        {errorMessage(change.error.code)} The server said: “{change.error.message}”
      </p>
      <div className={styles.actions}>
        <button type="button" className="button" aria-describedby={`${id}-title`} disabled={busy} onClick={() => void submit()}>
          Dismiss
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
