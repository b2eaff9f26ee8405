/** The device an authenticated request came from, as `authenticate` verified it (the user's own, not revoked). */
import type { FastifyRequest } from 'fastify';

// Keyed by the request object, so nothing outlives the request and nothing else can set it.
const verified = new WeakMap<FastifyRequest, string | null>();

/** Notes the verified device of a request; only `authenticate` calls this. */
export function rememberRequestDevice(request: FastifyRequest, deviceId: string | null): void {
  verified.set(request, deviceId);
}

/** The device bound to the request's access token, else the one its `X-Casebridge-Device` header names; null for neither or an unauthenticated request. */
export function requestDevice(request: FastifyRequest): string | null {
  return verified.get(request) ?? null;
}
