/** The bar across the top of the signed-in app: product, sync, who is signed in, settings and sign out; the screens below them. */
import { useState } from 'react';
import type { SessionUser } from '../../domain/entities.ts';
import { useDesktopApi } from '../api/desktop-api-context.ts';
import { errorMessage } from '../words/error-messages.ts';
import { SettingsPanel } from '../screens/settings/SettingsPanel.tsx';
import { SignOutPanel } from '../screens/session/SignOutPanel.tsx';
import { SyncIndicator } from './SyncIndicator.tsx';
import { MainNav } from './MainNav.tsx';
import type { MainNavTarget } from './main-nav.ts';
import type { UiSettingsState } from '../api/use-ui-settings.ts';
import { useSubmit } from '../api/use-submit.ts';
import type { SyncState } from '../api/use-sync-status.ts';
import styles from './TopBar.module.css';

/** What the top bar shows and does. */
export interface TopBarProps {
  user: SessionUser;
  sync: SyncState;
  settings: UiSettingsState;
  /** The core has signed the user out: the app asks it for the session again. */
  onSignedOut: () => void;
  /** Opens the Sync problems screen (offered by the sync indicator when there are any). */
  onShowSyncProblems: () => void;
  /** Opens one of the screens the navigation offers. */
  onNavigate: (target: MainNavTarget) => void;
}

/** The top bar; "Sign out" asks whether to keep the encrypted offline copy on this computer; "Settings" opens the settings panel. */
export function TopBar({ user, sync, settings, onSignedOut, onShowSyncProblems, onNavigate }: TopBarProps) {
  const api = useDesktopApi();
  const [panel, setPanel] = useState<'none' | 'settings' | 'sign-out'>('none');
  const signOut = useSubmit((wipeCache: boolean, discardUnsent: boolean) => api['session.signOut']({ wipeCache, discardUnsent }), { onSuccess: onSignedOut });
  const unsent = signOut.error?.code === 'unsent_work' ? signOut.error.message : null;

  return (
    <header className={styles.bar}>
      <p className={styles.product}>Casebridge</p>
      <SyncIndicator status={sync.status} syncNow={sync.syncNow} onShowProblems={onShowSyncProblems} />
      <div className={styles.user}>
        <p className={styles.name}>{user.displayName}</p>
        <p className={styles.agency}>{user.agencyName}</p>
      </div>
      <button
        type="button"
        className="button button--on-dark"
        aria-expanded={panel === 'settings'}
        onClick={() => setPanel(panel === 'settings' ? 'none' : 'settings')}
      >
        Settings
      </button>
      <button type="button" className="button button--on-dark" onClick={() => setPanel('sign-out')} disabled={signOut.busy || panel === 'sign-out'}>
        Sign out
      </button>
      <MainNav user={user} onNavigate={onNavigate} />
      {panel === 'settings' && <SettingsPanel state={settings} onClose={() => setPanel('none')} />}
      {panel === 'sign-out' && (
        <SignOutPanel
          busy={signOut.busy}
          unsent={unsent}
          onConfirm={(wipe, discardUnsent) => void signOut.submit(wipe, discardUnsent)}
          onCancel={() => setPanel('none')}
        />
      )}
      {signOut.error && unsent === null && (
        <p className={styles.error} role="alert">
          {errorMessage(signOut.error.code)}
        </p>
      )}
    </header>
  );
}
