/** What people are told for each error code — the one place the UI turns codes into words. */
import { type ErrorBody, type ErrorCode, isErrorCode } from '../../domain/errors.ts';

const MESSAGES: Record<ErrorCode, string> = {
  validation_error: 'Some of what you entered is not valid. Check it and try again.',
  authentication_error: 'Wrong username or password.',
  authorization_error: 'You do not have permission to do that.',
  not_found: 'That record could not be found. It may have been removed, or you may no longer have access.',
  conflict: 'Someone else changed this at the same time. Look at the latest version and try again.',
  rate_limited: 'Too many attempts. Wait a minute and try again.',
  account_locked: 'This account is locked after too many failed sign-ins. Contact your agency administrator.',
  payload_too_large: 'That is too large to send.',
  reset_required: 'Your local copy of cases needs rebuilding. Casebridge will download them again.',
  network_error: 'Casebridge cannot connect. Check your network connection and try again.',
  server_unavailable: 'The Casebridge server is not available at the moment. Try again shortly.',
  keychain_unavailable: "Casebridge cannot open this computer's secure key store. Contact IT support.",
  session_locked: 'Your session is locked. Unlock it with your password to continue.',
  not_signed_in: 'You are signed out. Sign in to continue.',
  internal_error: 'Something went wrong in Casebridge. Try again, and contact IT support if it keeps happening.',
  totp_required: 'Enter the six-digit code from your authenticator app.',
  totp_enrolment_required: 'Your agency requires a second sign-in step. Set up an authenticator app to continue.',
  device_revoked: 'This computer has been removed from Casebridge by an administrator. Its local data has been wiped.',
  unsent_work: 'Some of your work has not reached the server yet. Connect and sync first, or choose to remove it with the offline copy.',
  password_change_required: 'You must choose a new password before you continue.',
  legal_hold: 'A legal hold is on this case, so it cannot be erased. Release the hold first.',
};

/** The human message for an error code; codes this version does not know get the generic one. */
export function errorMessage(code: string): string {
  return isErrorCode(code) ? MESSAGES[code] : MESSAGES.internal_error;
}

// Sign-in and unlock refusals under these codes have several causes the core words for people
// (wrong password, offline use expired, no offline copy yet: sign in online once), so its words are shown.
const CORE_WORDED_SESSION_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['authentication_error', 'network_error']);

/** The message for a refused sign-in or unlock: the core's own words for the codes it words for people, the code's words otherwise. */
export function sessionErrorMessage(error: ErrorBody): string {
  const own = error.message.trim();
  return CORE_WORDED_SESSION_CODES.has(error.code) && own !== '' ? own : errorMessage(error.code);
}

/**
 * A form's refusal in words: for the codes in `ownWords` the server's or core's own message (it says
 * what exactly was wrong, e.g. which date or which hold), the code's words otherwise; null when nothing
 * was refused.
 */
export function refusalMessage(error: ErrorBody | null, ownWords: readonly ErrorCode[]): string | null {
  if (error === null) {
    return null;
  }
  return ownWords.includes(error.code) ? error.message : errorMessage(error.code);
}
