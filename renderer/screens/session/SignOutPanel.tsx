/** Sign-out confirmation: keep this computer's encrypted offline copy, or remove it (shared or handed-back machines). */
import { useId, useState } from 'react';

/** What the panel needs from the top bar. */
export interface SignOutPanelProps {
  busy: boolean;
  /** The core's words when removing the copy would lose unsent work (`unsent_work`), else null. */
  unsent: string | null;
  onConfirm: (wipeCache: boolean, discardUnsent: boolean) => void;
  onCancel: () => void;
}

/** The choice shown when someone signs out; local changes not yet sent are named by the sync indicator. */
export function SignOutPanel({ busy, unsent, onConfirm, onCancel }: SignOutPanelProps) {
  const id = useId();
  const [wipe, setWipe] = useState(false);
  return (
    <div className="sign-out-panel" role="dialog" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="sign-out-panel__title">Sign out of Casebridge?</p>
      <label className="sign-out-panel__choice">
        <input type="checkbox" checked={wipe} onChange={(event) => setWipe(event.target.checked)} />
        Also remove the offline copy from this computer (do this on a shared or returned machine)
      </label>
      {unsent !== null && (
        <p className="sign-out-panel__warning" role="alert">
          {unsent}
        </p>
      )}
      <div className="sign-out-panel__actions">
        <button type="button" className="button" onClick={() => onConfirm(wipe, false)} disabled={busy}>
          {wipe ? 'Sign out and remove' : 'Sign out'}
        </button>
        {unsent !== null && (
          <button type="button" className="button button--danger" onClick={() => onConfirm(true, true)} disabled={busy}>
            Remove anyway and lose it
          </button>
        )}
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </div>
  );
}
