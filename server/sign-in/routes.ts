/** Sign-in, token refresh, sign-out and the current user. */
import type { FastifyInstance } from 'fastify';
import { CodedError } from '../../domain/errors.ts';
import { routes } from '../../domain/http/routes.ts';
import { recordAuditNow } from '../audit/record-audit.ts';
import { registerRoute } from '../http/register-route.ts';
import type { ServerContext } from '../context/server-context.ts';
import { resolveJwtSecret } from '../auth/jwt-secret.ts';
import { assertUsableDevice, touchDevice } from '../auth/devices.ts';
import { createOfflineLeaseSigner, type OfflineLeaseSigner } from '../auth/offline-lease.ts';
import { revokeRefreshFamily, rotateRefreshToken } from '../auth/refresh-tokens.ts';
import { checkPassword, checkSecondFactor, commitSignIn } from './sign-in.ts';
import { MUST_CHANGE, registerPasswordChangeRoute } from './password-change-route.ts';
import { registerTotpRoutes } from './totp-routes.ts';
import { loadSessionUser } from '../auth/user-queries.ts';

/** Registers the auth routes. */
export function registerAuthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const leases = createOfflineLeaseSigner(resolveJwtSecret(ctx.config));
  registerRoute(app, ctx, routes.login, async ({ body, request }) => {
    const attempt = { username: body.username, password: body.password, ip: request.ip };
    const creds = await checkPassword(ctx, attempt);
    const secondFactor = await checkSecondFactor(ctx, attempt, creds, body.totpCode);
    if (creds.mustChangePassword) {
      throw new CodedError('password_change_required', MUST_CHANGE);
    }
    const deviceId = body.deviceId ?? null;
    if (deviceId !== null) {
      try {
        await assertUsableDevice(ctx.db, deviceId, creds.id);
      } catch (error) {
        await recordAuditNow(ctx.db, {
          actor: { userId: creds.id, agencyId: creds.agencyId, deviceId, ip: request.ip },
          action: 'auth.login_failed', outcome: 'denied', details: { username: body.username.toLowerCase(), reason: 'device' }, at: ctx.now(),
        });
        throw error;
      }
    }
    return tokenPair(ctx, leases, creds.id, deviceId, await commitSignIn(ctx, attempt, creds, { secondFactor, deviceId }));
  });

  registerRoute(app, ctx, routes.refresh, async ({ body, request }) => {
    const rotated = await rotateRefreshToken(ctx.db, {
      token: body.refreshToken, now: ctx.now(), days: ctx.config.refreshTokenDays, deviceId: body.deviceId,
      onRefused: async (why, userId) => {
        if (why === 'reused') {
          await recordAuditNow(ctx.db, {
            actor: { userId, agencyId: null, ip: request.ip }, action: 'auth.refresh_reuse', entityType: 'user', entityId: userId,
            outcome: 'denied', details: { familyRevoked: true }, at: ctx.now(),
          });
        }
      },
    });
    if (rotated.deviceId !== null) {
      await touchDevice(ctx.db, rotated.deviceId, ctx.now());
    }
    return tokenPair(ctx, leases, rotated.userId, rotated.deviceId, rotated);
  });

  registerRoute(app, ctx, routes.logout, async ({ body, user, request }) => {
    await revokeRefreshFamily(ctx.db, body.refreshToken, user.id, ctx.now());
    await recordAuditNow(ctx.db, {
      actor: { userId: user.id, agencyId: user.agencyId, ip: request.ip },
      action: 'auth.logout', entityType: 'user', entityId: user.id, outcome: 'success', at: ctx.now(),
    });
    return { ok: true as const };
  });

  registerRoute(app, ctx, routes.me, ({ user }) => Promise.resolve(user));
  registerTotpRoutes(app, ctx);
  registerPasswordChangeRoute(app, ctx);
}

async function tokenPair(ctx: ServerContext, leases: OfflineLeaseSigner, userId: string, deviceId: string | null, refresh: { token: string; expiresAt: Date }) {
  const user = await loadSessionUser(ctx.db, userId);
  if (!user) {
    throw new CodedError('authentication_error', 'Your account is not active.');
  }
  const access = await ctx.tokens.signAccess(user.id, ctx.now(), deviceId);
  return {
    accessToken: access.token,
    accessExpiresAt: access.expiresAt.toISOString(),
    refreshToken: refresh.token,
    refreshExpiresAt: refresh.expiresAt.toISOString(),
    offlineLease: await leases.sign(user.id, deviceId, ctx.now()),
    user,
  };
}
