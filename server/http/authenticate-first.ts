/**
 * Authentication as a route hook that runs before the body is read: an anonymous caller gets 401
 * whatever it sends (malformed JSON, an oversized body, a multipart upload), and never makes the
 * server parse, buffer or stage anything. The token check itself stays in `authenticate`.
 */
import type { FastifyRequest } from 'fastify';
import { CodedError } from '../../domain/errors.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import type { ServerContext } from '../context/server-context.ts';
import { authenticate } from './authenticate.ts';

// Keyed by the request object, so nothing outlives the request and nothing else can set it.
const users = new WeakMap<FastifyRequest, AuthUser>();

/**
 * The `preParsing` hook of an authenticated route: after the rate limiter's `onRequest` hook (so a
 * flood of bad tokens is still throttled), before any content-type parser touches the body.
 */
export function authenticateBeforeBody(ctx: ServerContext): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    users.set(request, await authenticate(ctx, request));
  };
}

/** The user `authenticateBeforeBody` verified; a route registered without the hook fails closed with 401. */
export function authenticatedUser(request: FastifyRequest): AuthUser {
  const user = users.get(request);
  if (!user) {
    throw new CodedError('authentication_error', 'Sign in to use this service.');
  }
  return user;
}
