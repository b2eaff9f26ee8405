/** The busy flag, error and submit action that every form and action button shares. */
import { useRef, useState, type FormEvent } from 'react';
import type { ErrorBody } from '../../domain/errors.ts';
import type { Result } from '../../domain/result.ts';

/** What to do with the answer. */
export interface SubmitHandlers<T> {
  onSuccess?: (value: T) => void;
  onFailure?: (error: ErrorBody) => void;
}

/** A submission's state and triggers; `A` is what a trigger passes to the action (e.g. the choice of a button). */
export interface Submission<A extends unknown[] = []> {
  /** True from the call until its answer. */
  busy: boolean;
  /** The last answer's error, cleared when a new call starts. */
  error: ErrorBody | null;
  /** Runs the action; a second call while one is running is ignored (no double submit). */
  submit: (...args: A) => Promise<void>;
  /** A form's onSubmit: stops the page from navigating, then submits. */
  onSubmit: (event: FormEvent, ...args: A) => void;
}

/**
 * Runs `action` (a desktop API call: it answers a Result, never throws) and tracks busy and error.
 * `busy` is cleared before the handlers run, since a handler may leave the screen.
 */
export function useSubmit<T, A extends unknown[] = []>(action: (...args: A) => Promise<Result<T>>, handlers: SubmitHandlers<T> = {}): Submission<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const running = useRef(false);

  async function submit(...args: A): Promise<void> {
    if (running.current) {
      return;
    }
    running.current = true;
    setBusy(true);
    setError(null);
    const result = await action(...args).catch((): Result<T> => ({ ok: false, error: { code: 'internal_error', message: 'The call failed.' } }));
    running.current = false;
    setBusy(false);
    if (result.ok) {
      handlers.onSuccess?.(result.value);
    } else {
      setError(result.error);
      handlers.onFailure?.(result.error);
    }
  }

  return {
    busy,
    error,
    submit,
    onSubmit: (event, ...args) => {
      event.preventDefault();
      void submit(...args);
    },
  };
}
