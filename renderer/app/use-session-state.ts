/** The session as the core reports it: asked for once, then followed through `session.state` events. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorBody } from '../../domain/errors.ts';
import type { SessionState } from '../../domain/ipc/contract.ts';
import { useDesktopApi } from '../api/desktop-api-context.ts';

/** Whether the session is known yet, could not be learned, or what it is. */
export type SessionBoot = { phase: 'loading' } | { phase: 'failed'; error: ErrorBody } | { phase: 'ready'; session: SessionState };

/** The session and the ways to learn it again. */
export interface SessionFollower {
  boot: SessionBoot;
  /**
   * Asks the core again, e.g. after a sign-in, unlock or sign-out: what is shown is always the core's
   * state (signed in offline or not, a reason for a sign-out), never one the renderer made up.
   */
  refresh: () => void;
  /** Starts over after the first question failed. */
  retry: () => void;
}

/**
 * Subscribes to `session.state` events (a sign-out elsewhere, an idle lock, a session that came
 * back online) and asks for the state. An answer to a question asked before the latest event is
 * stale and ignored, so the screen never steps back to an older state.
 */
export function useSessionState(): SessionFollower {
  const api = useDesktopApi();
  const [boot, setBoot] = useState<SessionBoot>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const eventCount = useRef(0);

  useEffect(() => {
    let mounted = true;
    const unsubscribe = api.on('session.state', (session) => {
      eventCount.current++;
      setBoot({ phase: 'ready', session });
    });
    const countAtRequest = eventCount.current;
    void api['session.state'](null).then((result) => {
      if (mounted && eventCount.current === countAtRequest) {
        setBoot(result.ok ? { phase: 'ready', session: result.value } : { phase: 'failed', error: result.error });
      }
    });
    return () => {
      mounted = false;
      unsubscribe();
    };
  }, [api, attempt]);

  const refresh = useCallback(() => {
    const countAtRequest = eventCount.current;
    void api['session.state'](null).then((result) => {
      // A failed question changes nothing: the core's next event still brings the state.
      if (result.ok && eventCount.current === countAtRequest) {
        setBoot({ phase: 'ready', session: result.value });
      }
    });
  }, [api]);

  const retry = useCallback(() => {
    setBoot({ phase: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { boot, refresh, retry };
}
