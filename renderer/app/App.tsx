/** The root component: follows the session and shows sign-in, the lock screen or the workspace. */
import { useEffect, useRef, useState } from 'react';
import type { SessionUser } from '../../domain/entities.ts';
import type { ErrorBody } from '../../domain/errors.ts';
import type { SessionState } from '../../domain/ipc/contract.ts';
import { useDesktopApi } from './desktop-api-context.ts';
import { errorMessage } from './error-messages.ts';
import { LockScreen } from './LockScreen.tsx';
import { SignInScreen } from './SignInScreen.tsx';
import { StartupError } from './StartupError.tsx';
import { Workspace } from './Workspace.tsx';

type Boot = { phase: 'loading' } | { phase: 'failed'; error: ErrorBody } | { phase: 'ready'; session: SessionState };

/** At most one `session.activity` ping a minute: enough to keep a minutes-long idle lock away. */
const ACTIVITY_PING_MS = 60_000;

/**
 * Asks the core for the session once and then follows `session.state` events (a sign-out
 * elsewhere, an expired lease). An answer that arrives after an event is stale and ignored.
 */
export function App() {
  const api = useDesktopApi();
  const [boot, setBoot] = useState<Boot>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let mounted = true;
    let sawEvent = false;
    const unsubscribe = api.on('session.state', (session) => {
      sawEvent = true;
      setBoot({ phase: 'ready', session });
    });
    void api['session.state'](null).then((result) => {
      if (mounted && !sawEvent) {
        setBoot(result.ok ? { phase: 'ready', session: result.value } : { phase: 'failed', error: result.error });
      }
    });
    return () => {
      mounted = false;
      unsubscribe();
    };
  }, [api, attempt]);

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
        <main className="splash">
          <p role="status">Starting Casebridge…</p>
        </main>
      );
    case 'failed':
      return (
        <StartupError
          error={boot.error}
          onRetry={() => {
            setBoot({ phase: 'loading' });
            setAttempt((n) => n + 1);
          }}
        />
      );
    case 'ready': {
      const session = boot.session;
      const signedInAs = (user: SessionUser) => setBoot({ phase: 'ready', session: { state: 'signed_in', user } });
      if (session.state === 'signed_in') {
        return <Workspace key={session.user.id} user={session.user} onSignedOut={() => setBoot({ phase: 'ready', session: { state: 'signed_out' } })} />;
      }
      if (session.state === 'locked') {
        return <LockScreen key={session.user.id} user={session.user} onUnlocked={signedInAs} />;
      }
      return (
        <>
          {session.reason === 'device_revoked' && (
            <p className="session-ended" role="alert">
              {errorMessage('device_revoked')}
            </p>
          )}
          <SignInScreen onSignedIn={signedInAs} />
        </>
      );
    }
  }
}
