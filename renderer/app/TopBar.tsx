/** The bar across the top of the signed-in app: product, sync, who is signed in, sign out. */
import { useState } from 'react';
import type { SessionUser } from '../../domain/entities.ts';
import type { ErrorBody } from '../../domain/errors.ts';
import { useDesktopApi } from './desktop-api-context.ts';
import { errorMessage } from './error-messages.ts';
import { SignOutPanel } from './SignOutPanel.tsx';
import { SyncIndicator } from './SyncIndicator.tsx';
import type { SyncState } from './use-sync-status.ts';

/** What the top bar shows and does. */
export interface TopBarProps {
  user: SessionUser;
  sync: SyncState;
  onSignedOut: () => void;
  /** Opens the Sync problems screen (offered by the sync indicator when there are any). */
  onShowSyncProblems: () => void;
}

/** The top bar; "Sign out" asks whether to keep the encrypted offline copy on this computer. */
export function TopBar({ user, sync, onSignedOut, onShowSyncProblems }: TopBarProps) {
  const api = useDesktopApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [confirming, setConfirming] = useState(false);

  async function signOut(wipeCache: boolean): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await api['session.signOut']({ wipeCache });
    setBusy(false);
    if (result.ok) {
      onSignedOut();
    } else {
      setError(result.error);
    }
  }

  return (
    <header className="top-bar">
      <p className="top-bar__product">Casebridge</p>
      <SyncIndicator status={sync.status} syncNow={sync.syncNow} onShowProblems={onShowSyncProblems} />
      <div className="top-bar__user">
        <p className="top-bar__name">{user.displayName}</p>
        <p className="top-bar__agency">{user.agencyName}</p>
      </div>
      <button type="button" className="button button--on-dark" onClick={() => setConfirming(true)} disabled={busy || confirming}>
        Sign out
      </button>
      {confirming && (
        <SignOutPanel busy={busy} onConfirm={(wipe) => void signOut(wipe)} onCancel={() => setConfirming(false)} />
      )}
      {error && (
        <p className="top-bar__error" role="alert">
          {errorMessage(error.code)}
        </p>
      )}
    </header>
  );
}
