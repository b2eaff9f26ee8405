/** Sign-out confirmation: keep this computer's encrypted offline copy, or remove it (shared or handed-back machines). */
import { useState } from 'react';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import styles from './SignOutPanel.module.css';

/** What the dialog needs from the top bar. */
export interface SignOutPanelProps {
  busy: boolean;
  /** The core's words when removing the copy would lose unsent work (`unsent_work`), else null. */
  unsent: string | null;
  onConfirm: (wipeCache: boolean, discardUnsent: boolean) => void;
  onCancel: () => void;
}

/** A modal dialog (Escape cancels, except while signing out); local changes not yet sent are named by the sync indicator. */
export function SignOutPanel({ busy, unsent, onConfirm, onCancel }: SignOutPanelProps) {
  const [wipe, setWipe] = useState(false);
  return (
    <ModalDialog title="Sign out of Casebridge?" onClose={onCancel} dismissable={!busy}>
      <label className={styles.choice}>
        <input type="checkbox" checked={wipe} onChange={(event) => setWipe(event.target.checked)} />
        Also remove the offline copy from this computer (do this on a shared or returned machine)
      </label>
      {unsent !== null && (
        <p className={styles.warning} role="alert">
          {unsent}
        </p>
      )}
      <div className={styles.actions}>
        <button type="button" className="button" onClick={() => onConfirm(wipe, false)} disabled={busy}>
          {wipe ? 'Sign out and remove' : 'Sign out'}
        </button>
        {unsent !== null && (
          <button type="button" className={`button ${styles.danger}`} onClick={() => onConfirm(true, true)} disabled={busy}>
            Remove anyway and lose it
          </button>
        )}
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}
