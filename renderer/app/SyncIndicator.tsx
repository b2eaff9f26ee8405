/** The honest sync indicator in the top bar, with a "Sync now" button. */
import type { SyncState } from '../api/use-sync-status.ts';
import { errorMessage } from '../words/error-messages.ts';
import { summariseSync, type SyncSummary, type SyncTone } from '../words/sync-summary.ts';
import { useSubmit } from '../api/use-submit.ts';
import { classNames } from '../components/class-names.ts';
import styles from './SyncIndicator.module.css';

/** The dot's colour for each tone. */
const TONE_CLASS: Record<SyncTone, string | undefined> = {
  ok: styles.ok,
  busy: styles.busy,
  warning: styles.warning,
  error: styles.error,
};

/** Shows what the core says about sync — never "up to date" when it is not — and the way to any conflicts and refusals. */
export function SyncIndicator({ status, syncNow, onShowProblems }: SyncState & { onShowProblems: () => void }) {
  const { busy, error, submit } = useSubmit(syncNow);
  const summary: SyncSummary = status ? summariseSync(status) : { text: 'Checking sync…', tone: 'busy' };
  const problems = status ? status.conflictCount + status.rejectedCount + status.reviewCount : 0;

  return (
    <div className={styles.sync}>
      <p className={classNames(styles.status, TONE_CLASS[summary.tone])} role="status" data-testid="sync-status">
        {summary.text}
      </p>
      <button
        type="button"
        className="button button--on-dark"
        onClick={() => void submit()}
        disabled={busy || status?.phase === 'pulling' || status?.phase === 'bootstrapping'}
      >
        Sync now
      </button>
      {problems > 0 && (
        <button type="button" className={classNames('button button--on-dark', styles.attention)} onClick={onShowProblems}>
          Sync problems ({problems})
        </button>
      )}
      {error && (
        <p className={styles.failure} role="alert">
          {errorMessage(error.code)}
        </p>
      )}
    </div>
  );
}
