/** Checks the password that unlocks an idle-locked session: with the server when it answers, else offline. */
import { CodedError } from '../../domain/errors.ts';
import type { SessionUser } from '../../domain/entities.ts';
import type { TokenPair } from '../../domain/http/routes.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { SessionMeta } from '../cache/session-meta.ts';
import { isOffline } from './device-binding.ts';
import { assertLeaseCurrent } from './offline-lease.ts';
import { checkPasswordVerifier } from './password-verifier.ts';

/** How the password was accepted: online (with a fresh token pair) or offline. */
export type UnlockOutcome = { kind: 'online'; pair: TokenPair } | { kind: 'offline' };

/** What the check needs. */
export interface UnlockCheckInput {
  api: ApiClient;
  user: SessionUser;
  deviceId: string;
  password: string;
  /** Reads the session rows from the cache; called only when the server cannot be reached. */
  readMeta: () => Promise<SessionMeta>;
  now: number;
  offlineAllowed: boolean;
}

/**
 * Online: the server's answer is final (a wrong password is `authentication_error`, a revoked
 * device `device_revoked`). Only when the server cannot be reached: the lease must be current
 * (checked first, so an expired lease never unlocks the session) and the argon2id verifier must match.
 */
export async function checkUnlock(input: UnlockCheckInput): Promise<UnlockOutcome> {
  try {
    const pair = await input.api.call('login', { body: { username: input.user.username, password: input.password, deviceId: input.deviceId } });
    return { kind: 'online', pair };
  } catch (error) {
    if (!isOffline(error)) {
      throw error;
    }
  }
  if (!(await passesOfflineCheck(await input.readMeta(), input.password, input.now, input.offlineAllowed))) {
    throw new CodedError('authentication_error', 'Wrong password.');
  }
  return { kind: 'offline' };
}

/**
 * The offline check shared by unlock and offline sign-in: throws `OfflineLeaseError` unless offline
 * use is allowed and the lease current (checked first, so an expired lease never opens a session),
 * then answers whether the password matches the argon2id verifier. Callers word the mismatch.
 */
export async function passesOfflineCheck(meta: Pick<SessionMeta, 'lease' | 'verifier'>, password: string, now: number, offlineAllowed: boolean): Promise<boolean> {
  assertLeaseCurrent(meta.lease, now, offlineAllowed);
  return meta.verifier !== null && (await checkPasswordVerifier(meta.verifier, password));
}
