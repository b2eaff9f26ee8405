/** The forced password change at sign-in (docs/security.md, "Passwords"): set the new password online, then sign in with it. */
import type { SessionUser } from '../../domain/entities.ts';
import { CodedError } from '../../domain/errors.ts';
import type { ApiClient } from '../api/api-client.ts';
import { OFFLINE_CODES } from '../sync/sync-engine.ts';
import type { SessionController } from './session-controller.ts';

/**
 * Changes the password the administrator set for the user's own, then signs in as usual. With a
 * second factor the code is spent on the change, so that sign-in answers `totp_required` (or
 * `totp_enrolment_required` while a set-up awaits its first code): the screen then asks for the next code.
 */
export async function changePasswordAndSignIn(
  api: ApiClient, controller: SessionController, input: { username: string; password: string; newPassword: string; totpCode?: string | undefined },
): Promise<SessionUser> {
  const { username, password, newPassword, totpCode } = input;
  try {
    await api.call('changePassword', { body: { username, password, newPassword, ...(totpCode === undefined ? {} : { totpCode }) } });
  } catch (error) {
    if (error instanceof CodedError && OFFLINE_CODES.has(error.code)) {
      throw new CodedError('network_error', 'Choosing a new password needs a connection to the server: try again when this computer is connected.');
    }
    throw error;
  }
  return controller.signIn(input.username, input.newPassword);
}
