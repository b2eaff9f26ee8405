/** Sign-in, token refresh, sign-out and the current user. */
import type { FastifyInstance } from 'fastify';
import { CodedError } from '../../domain/errors.ts';
import { routes } from '../../domain/http/routes.ts';
import { registerRoute } from '../http/register-route.ts';
import type { ServerContext } from '../server-context.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { issueRefreshToken, revokeRefreshFamily, rotateRefreshToken } from './refresh-tokens.ts';
import { findCredentials, loadSessionUser } from './user-queries.ts';

const WRONG_CREDENTIALS = 'Wrong username or password.';

/** Registers the auth routes. */
export function registerAuthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, routes.login, async ({ body }) => {
    const creds = await findCredentials(ctx.db, body.username);
    const valid = creds ? await verifyPassword(creds.passwordHash, body.password) : await verifyAgainstDummy(body.password);
    const user = creds && valid ? await loadSessionUser(ctx.db, creds.id) : undefined;
    if (!user) {
      throw new CodedError('authentication_error', WRONG_CREDENTIALS);
    }
    return tokenPair(ctx, user.id, await issueRefreshToken(ctx.db, {
      userId: user.id, deviceId: body.deviceId ?? null, now: ctx.now(), days: ctx.config.refreshTokenDays,
    }));
  });

  registerRoute(app, ctx, routes.refresh, async ({ body }) => {
    const rotated = await rotateRefreshToken(ctx.db, { token: body.refreshToken, now: ctx.now(), days: ctx.config.refreshTokenDays });
    return tokenPair(ctx, rotated.userId, rotated);
  });

  registerRoute(app, ctx, routes.logout, async ({ body, user }) => {
    await revokeRefreshFamily(ctx.db, body.refreshToken, user.id, ctx.now());
    return { ok: true as const };
  });

  registerRoute(app, ctx, routes.me, ({ user }) => Promise.resolve(user));
}

async function tokenPair(ctx: ServerContext, userId: string, refresh: { token: string; expiresAt: Date }) {
  const user = await loadSessionUser(ctx.db, userId);
  if (!user) {
    throw new CodedError('authentication_error', 'Your account is not active.');
  }
  const access = await ctx.tokens.signAccess(user.id, ctx.now());
  return {
    accessToken: access.token,
    accessExpiresAt: access.expiresAt.toISOString(),
    refreshToken: refresh.token,
    refreshExpiresAt: refresh.expiresAt.toISOString(),
    user,
  };
}
