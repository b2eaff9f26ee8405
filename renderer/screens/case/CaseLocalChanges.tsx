/** What the case screen says about the user's own changes to the case that the server has not settled. */
import type { CaseDetailView } from '../../../domain/ipc/case-detail-view.ts';
import { plural } from '../../words/plural.ts';
import styles from './CaseLocalChanges.module.css';

/** Honest notes: waiting to be sent, in conflict, or refused — with the way to the Sync problems screen. Nothing when all is settled. */
export function CaseLocalChanges({ changes, onShowSyncProblems }: { changes: CaseDetailView['localChanges']; onShowSyncProblems: () => void }) {
  const { pending, conflicts, rejected } = changes;
  if (pending === 0 && conflicts === 0 && rejected === 0) {
    return null;
  }
  return (
    <div className={styles.changes} data-testid="case-local-changes">
      {pending > 0 && (
        <p role="status">
          {plural(pending, 'change')} to this case {pending === 1 ? 'is' : 'are'} waiting to be sent to the server.
        </p>
      )}
      {conflicts > 0 && (
        <p>
          {conflicts === 1 ? 'A change' : `${conflicts} changes`} of yours to this case conflict{conflicts === 1 ? 's' : ''} with a newer version on
          the server and {conflicts === 1 ? 'needs' : 'need'} your choice.
        </p>
      )}
      {rejected > 0 && <p>The server refused {plural(rejected, 'change')} of yours to this case.</p>}
      {(conflicts > 0 || rejected > 0) && (
        <button type="button" className="button" onClick={onShowSyncProblems}>
          Review sync problems
        </button>
      )}
    </div>
  );
}
