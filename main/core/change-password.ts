/** The forced password change at sign-in (docs/security.md, "Passwords"): set the new password online, then sign in with it. */
import type { SessionUser } from '../../domain/entities.ts';
import { CodedError } from '../../domain/errors.ts';
import type { ApiClient } from '../api/api-client.ts';
import { OFFLINE_CODES } from '../sync/sync-engine.ts';
import type { SessionController } from './session-controller.ts';

/** Changes the password the administrator set for the user's own, then signs in as usual. */
export async function changePasswordAndSignIn(
  api: ApiClient, controller: SessionController, input: { username: string; password: string; newPassword: string },
): Promise<SessionUser> {
  try {
    await api.call('changePassword', { body: { username: input.username, password: input.password, newPassword: input.newPassword } });
  } catch (error) {
    if (error instanceof CodedError && OFFLINE_CODES.has(error.code)) {
      throw new CodedError('network_error', 'Choosing a new password needs a connection to the server: try again when this computer is connected.');
    }
    throw error;
  }
  return controller.signIn(input.username, input.newPassword);
}
