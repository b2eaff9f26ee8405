/** Resolves the bearer token of a request to the signed-in user, or answers 401. */
import type { FastifyRequest } from 'fastify';
import { CodedError } from '../../domain/errors.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { assertDeviceStanding, assertUsableDevice } from '../auth/devices.ts';
import { loadSession } from '../auth/user-queries.ts';
import type { ServerContext } from '../context/server-context.ts';
import { rememberRequestDevice } from './request-device.ts';

/** The header a desktop sends with its device id, so a revoked device learns it must wipe. */
export const DEVICE_HEADER = 'x-casebridge-device';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Verifies the `Authorization: Bearer` header and loads the user with agency and teams. A device
 * named by the token or by `X-Casebridge-Device` must be the user's and not revoked.
 */
export async function authenticate(ctx: ServerContext, request: FastifyRequest): Promise<AuthUser> {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
  if (!match?.[1]) {
    throw new CodedError('authentication_error', 'Sign in to use this service.');
  }
  const claims = await ctx.tokens.verifyAccessClaims(match[1], ctx.now());
  const named = deviceHeader(request);
  const devices = [...new Set([claims.deviceId, named].filter((d): d is string => d !== null))];
  // The user and the first device in one statement; a second device (a header naming another) on its own.
  const session = await loadSession(ctx.db, { userId: claims.userId, tokenIssuedAt: claims.issuedAt, deviceId: devices[0] ?? null });
  if (!session) {
    throw new CodedError('authentication_error', 'Your account is not active; sign in again.');
  }
  const { user, device } = session;
  if (devices.length > 0) {
    assertDeviceStanding(device, user.id);
  }
  for (const deviceId of devices.slice(1)) {
    await assertUsableDevice(ctx.db, deviceId, user.id);
  }
  // The token's binding was signed at sign-in or refresh, so it wins over the header when both name one.
  rememberRequestDevice(request, claims.deviceId ?? named);
  return user;
}

function deviceHeader(request: FastifyRequest): string | null {
  const value = request.headers[DEVICE_HEADER];
  if (value === undefined) {
    return null;
  }
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw new CodedError('validation_error', 'The X-Casebridge-Device header must be a device id.');
  }
  return value.toLowerCase();
}
