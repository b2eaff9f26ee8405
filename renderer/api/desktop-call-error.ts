/** A desktop API call that answered an error, thrown by the query layer so TanStack Query sees a failure. */
import type { ErrorBody } from '../../domain/errors.ts';

/** Carries the core's error body unchanged: screens word it from `body.code`. */
export class DesktopCallError extends Error {
  readonly body: ErrorBody;

  constructor(body: ErrorBody) {
    super(body.message);
    this.name = 'DesktopCallError';
    this.body = body;
  }
}

/** The error body of a failed query or mutation: the core's own, or `internal_error` for anything else (a bug). */
export function errorBodyOf(error: unknown): ErrorBody | null {
  if (error === null || error === undefined) {
    return null;
  }
  if (error instanceof DesktopCallError) {
    return error.body;
  }
  return { code: 'internal_error', message: error instanceof Error ? error.message : 'The call failed.' };
}
