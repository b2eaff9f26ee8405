/** The root component: follows the session and shows sign-in or the workspace. */
import { useEffect, useState } from 'react';
import type { ErrorBody } from '../../domain/errors.ts';
import type { SessionState } from '../../domain/ipc/contract.ts';
import { useDesktopApi } from './desktop-api-context.ts';
import { SignInScreen } from './SignInScreen.tsx';
import { StartupError } from './StartupError.tsx';
import { Workspace } from './Workspace.tsx';

type Boot = { phase: 'loading' } | { phase: 'failed'; error: ErrorBody } | { phase: 'ready'; session: SessionState };

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
    case 'ready':
      return boot.session.state === 'signed_in' ? (
        <Workspace
          key={boot.session.user.id}
          user={boot.session.user}
          onSignedOut={() => setBoot({ phase: 'ready', session: { state: 'signed_out' } })}
        />
      ) : (
        <SignInScreen onSignedIn={(user) => setBoot({ phase: 'ready', session: { state: 'signed_in', user } })} />
      );
  }
}
