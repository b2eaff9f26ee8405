/** A refused or failed administration call, in the server's or core's own words, with "Try again" when it was a read. */
import type { ErrorBody } from '../../../domain/errors.ts';
import { errorMessage } from '../../words/error-messages.ts';

/** The error and, for a failed read, how to try again. */
export interface AdminAlertProps {
  error: ErrorBody;
  onRetry?: () => void;
}

/**
 * The administration refusals are worded for the user where they are made (the server's guards,
 * the core's offline answer), so that message is shown; an empty one falls back to the code's words.
 */
export function AdminAlert({ error, onRetry }: AdminAlertProps) {
  return (
    <div className="empty-state" role="alert">
      <p>{error.message.trim() === '' ? errorMessage(error.code) : error.message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
