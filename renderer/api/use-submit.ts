/** The busy flag, error and submit action that every form and action button shares, as a TanStack mutation. */
import { useMutation } from '@tanstack/react-query';
import { useRef, type FormEvent } from 'react';
import type { ErrorBody } from '../../domain/errors.ts';
import type { Result } from '../../domain/result.ts';
import { DesktopCallError, errorBodyOf } from './desktop-call-error.ts';

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
 * Runs `action` (a desktop API call: it answers a Result) through TanStack Query's mutation and
 * tracks busy and error. A call that throws counts as `internal_error`.
 */
export function useSubmit<T, A extends unknown[] = []>(action: (...args: A) => Promise<Result<T>>, handlers: SubmitHandlers<T> = {}): Submission<A> {
  const running = useRef(false);
  const mutation = useMutation({
    mutationFn: async (args: A): Promise<T> => {
      const result = await action(...args);
      if (!result.ok) {
        throw new DesktopCallError(result.error);
      }
      return result.value;
    },
  });

  async function submit(...args: A): Promise<void> {
    if (running.current) {
      return;
    }
    running.current = true;
    let outcome: { ok: true; value: T } | { ok: false; error: ErrorBody };
    try {
      outcome = { ok: true, value: await mutation.mutateAsync(args) };
    } catch (error) {
      outcome = { ok: false, error: errorBodyOf(error) ?? { code: 'internal_error', message: 'The call failed.' } };
    }
    running.current = false;
    if (outcome.ok) {
      handlers.onSuccess?.(outcome.value);
    } else {
      handlers.onFailure?.(outcome.error);
    }
  }

  return {
    busy: mutation.isPending,
    error: errorBodyOf(mutation.error),
    submit,
    onSubmit: (event, ...args) => {
      event.preventDefault();
      void submit(...args);
    },
  };
}
