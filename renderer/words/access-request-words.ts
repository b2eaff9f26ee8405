/** What a person is told when the server refuses a request for access, by error code. */
import type { ErrorBody } from '../../domain/errors.ts';
import { errorMessage } from './error-messages.ts';

// The codes a request for access has causes of its own for; the rest keep their general words.
const WORDS: Partial<Record<ErrorBody['code'], string>> = {
  // The server refuses a second pending request and a request for a record already visible.
  conflict: 'You have already asked for access to this record and are waiting for an answer, or you can already see it.',
  not_found: 'This record can no longer be found. It may have been merged or removed: search again.',
  authorization_error: 'Your role does not read case records, so it cannot ask for access to them.',
  network_error: 'Asking for access needs a connection: try again when this computer is connected.',
  server_unavailable: 'The Casebridge server is not available at the moment, so the request was not sent. Try again shortly.',
};

/** The words for a refused request for access. */
export function accessRequestErrorMessage(error: ErrorBody): string {
  return WORDS[error.code] ?? errorMessage(error.code);
}

// A decision (approve, deny, revoke) refused by the server, by the codes it has causes of its own for.
const DECISION_WORDS: Partial<Record<ErrorBody['code'], string>> = {
  conflict: 'Someone decided or changed this request after the list was loaded, so your decision was not recorded. The list now shows where it stands.',
  authorization_error: 'Only a team manager or agency admin of the agency that owns the record may decide, and never on their own request.',
  not_found: 'This request can no longer be found. It may have been withdrawn: the list now shows where things stand.',
  network_error: 'Deciding needs a connection: try again when this computer is connected.',
};

/** The words for a refused decision on an access request. */
export function accessDecisionErrorMessage(error: ErrorBody): string {
  return DECISION_WORDS[error.code] ?? errorMessage(error.code);
}
