/** Ties a sign-in to this desktop's registered device, so an admin's revocation reaches it. */
import { hostname } from 'node:os';
import type { TokenPair } from '../../domain/http/routes.ts';
import type { ApiClient } from '../api/api-client.ts';

/**
 * Registers the device on this cache's first sign-in, then exchanges the fresh refresh token with
 * the device id: the server binds the token family and the access token to the device, and answers
 * `device_revoked` (thrown from here) when an admin has revoked it.
 */
export async function bindToDevice(api: ApiClient, pair: TokenPair, knownDeviceId: string | null): Promise<{ pair: TokenPair; deviceId: string }> {
  let deviceId = knownDeviceId;
  if (deviceId === null) {
    const name = hostname().trim().slice(0, 100) || 'Casebridge desktop';
    deviceId = (await api.call('registerDevice', { body: { name }, accessToken: pair.accessToken })).id;
  }
  const bound = await api.call('refresh', { body: { refreshToken: pair.refreshToken, deviceId } });
  return { pair: bound, deviceId };
}

/** True for errors that mean "the server cannot be reached", as opposed to a refusal. */
export function isOffline(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error.code === 'network_error' || error.code === 'server_unavailable');
}
