/** The honest sync indicator in the top bar, with a "Sync now" button. */
import type { SyncState } from '../api/use-sync-status.ts';
import { errorMessage } from '../words/error-messages.ts';
import { summariseSync } from '../words/sync-summary.ts';
import { useSubmit } from '../api/use-submit.ts';

/** Shows what the core says about sync — never "up to date" when it is not — and the way to any conflicts and refusals. */
export function SyncIndicator({ status, syncNow, onShowProblems }: SyncState & { onShowProblems: () => void }) {
  const { busy, error, submit } = useSubmit(syncNow);
  const summary = status ? summariseSync(status) : { text: 'Checking sync…', tone: 'busy' };
  const problems = status ? status.conflictCount + status.rejectedCount : 0;

  return (
    <div className="sync">
      <p className={`sync__status sync__status--${summary.tone}`} role="status" data-testid="sync-status">
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
        <button type="button" className="button button--on-dark button--attention" onClick={onShowProblems}>
          Sync problems ({problems})
        </button>
      )}
      {error && (
        <p className="sync__error" role="alert">
          {errorMessage(error.code)}
        </p>
      )}
    </div>
  );
}
