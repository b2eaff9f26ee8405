/** Why the core ended a session, in words for the sign-in screen. */
import type { SignedOutReason } from '../../domain/ipc/session-state.ts';
import { errorMessage } from './error-messages.ts';

// A Record over the schema's reasons: a reason added to the contract does not compile until it has words.
const NOTICES: Record<SignedOutReason, string> = {
  device_revoked: errorMessage('device_revoked'),
  session_ended: 'The server ended your session. Sign in again.',
};

/** What the sign-in screen says about why the user was signed out; null when they signed out themselves. */
export function signedOutNotice(reason: SignedOutReason | undefined): string | null {
  return reason === undefined ? null : NOTICES[reason];
}
