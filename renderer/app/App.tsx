/** The root component: follows the session and shows sign-in, the lock screen or the workspace, in the chosen theme. */
import { useEffect, useRef } from 'react';
import { useDesktopApi } from '../api/desktop-api-context.ts';
import { LockScreen } from '../screens/session/LockScreen.tsx';
import { signedOutNotice } from '../words/signed-out-notice.ts';
import { SignInScreen } from '../screens/session/SignInScreen.tsx';
import { StartupError } from '../screens/session/StartupError.tsx';
import { useAppliedTheme } from './use-applied-theme.ts';
import { useSessionState } from './use-session-state.ts';
import { useUiSettings } from '../api/use-ui-settings.ts';
import { Workspace } from './Workspace.tsx';
import { Splash } from '../components/Splash.tsx';
import styles from './App.module.css';

/** At most one `session.activity` ping a minute: enough to keep a minutes-long idle lock away. */
const ACTIVITY_PING_MS = 60_000;

/**
 * Shows the session the core reports (see useSessionState): after a sign-in, unlock or sign-out it
 * asks the core again rather than guessing, so an offline sign-in or a reason for a sign-out shows.
 */
export function App() {
  const api = useDesktopApi();
  const { boot, refresh, retry } = useSessionState();
  const settings = useUiSettings();
  useAppliedTheme(settings.settings?.effective.theme ?? 'system');

  const signedIn = boot.phase === 'ready' && boot.session.state === 'signed_in';
  const lastPing = useRef(0);
  useEffect(() => {
    if (!signedIn) {
      return undefined;
    }
    const ping = () => {
      const now = Date.now();
      if (now - lastPing.current >= ACTIVITY_PING_MS) {
        lastPing.current = now;
        void api['session.activity'](null);
      }
    };
    window.addEventListener('keydown', ping, { capture: true, passive: true });
    window.addEventListener('pointerdown', ping, { capture: true, passive: true });
    return () => {
      window.removeEventListener('keydown', ping, { capture: true });
      window.removeEventListener('pointerdown', ping, { capture: true });
    };
  }, [api, signedIn]);

  switch (boot.phase) {
    case 'loading':
      return (
        <Splash>
          <p role="status">Starting Casebridge…</p>
        </Splash>
      );
    case 'failed':
      return <StartupError error={boot.error} onRetry={retry} />;
    case 'ready': {
      const session = boot.session;
      if (session.state === 'signed_in') {
        return <Workspace key={session.user.id} user={session.user} offline={session.offline === true} settings={settings} onSignedOut={refresh} />;
      }
      if (session.state === 'locked') {
        return <LockScreen key={session.user.id} user={session.user} onUnlocked={refresh} />;
      }
      const notice = signedOutNotice(session.reason);
      return (
        <>
          {notice && (
            <p className={styles.sessionEnded} role="alert">
              {notice}
            </p>
          )}
          <SignInScreen onSignedIn={refresh} />
        </>
      );
    }
  }
}
