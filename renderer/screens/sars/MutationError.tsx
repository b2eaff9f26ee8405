/** A refused SAR action in words: the code's words, then the server's own sentence saying which rule. */
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { errorMessage } from '../../words/error-messages.ts';

/** The mutation's error, if any. */
export function MutationError({ error }: { error: unknown }) {
  const body = errorBodyOf(error);
  if (!body) {
    return null;
  }
  return (
    <div className="form-error" role="alert">
      <p>{errorMessage(body.code)}</p>
      {body.message.trim() !== '' && <p>{body.message}</p>}
    </div>
  );
}
