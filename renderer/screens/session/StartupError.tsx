/** Shown when the app cannot learn whether anyone is signed in (the core is unreachable). */
import type { ErrorBody } from '../../../domain/errors.ts';
import { Splash } from '../../components/Splash.tsx';
import { errorMessage } from '../../words/error-messages.ts';

/** A plain explanation and a way to try again. */
export function StartupError({ error, onRetry }: { error: ErrorBody; onRetry: () => void }) {
  return (
    <Splash title="Casebridge cannot start">
      <p role="alert">{errorMessage(error.code)}</p>
      <button type="button" className="button button--primary" onClick={onRetry}>
        Try again
      </button>
    </Splash>
  );
}
