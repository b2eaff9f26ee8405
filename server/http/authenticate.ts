/** Resolves the bearer token of a request to the signed-in user, or answers 401. */
import type { FastifyRequest } from 'fastify';
import { CodedError } from '../../domain/errors.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { loadSessionUser } from '../auth/user-queries.ts';
import type { ServerContext } from '../server-context.ts';

/** Verifies the `Authorization: Bearer` header and loads the user with agency and teams. */
export async function authenticate(ctx: ServerContext, request: FastifyRequest): Promise<AuthUser> {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
  if (!match?.[1]) {
    throw new CodedError('authentication_error', 'Sign in to use this service.');
  }
  const userId = await ctx.tokens.verifyAccess(match[1], ctx.now());
  const user = await loadSessionUser(ctx.db, userId);
  if (!user) {
    throw new CodedError('authentication_error', 'Your account is not active; sign in again.');
  }
  return user;
}
