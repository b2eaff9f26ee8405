/** A failed read in words, with a way to try it again. */
import type { ErrorBody } from '../../domain/errors.ts';
import { errorMessage } from '../words/error-messages.ts';

/** The error to word, what "Try again" does, and the block's class (each screen places it its own way). */
export interface RetryAlertProps {
  error: Pick<ErrorBody, 'code'>;
  onRetry: () => void;
  /** A CSS Module's class (its lookup's type admits undefined). */
  className: string | undefined;
}

/** An alert with the error code's words and a "Try again" button. */
export function RetryAlert({ error, onRetry, className }: RetryAlertProps) {
  return (
    <div className={className} role="alert">
      <p>{errorMessage(error.code)}</p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
