/** An administrator's reset of a user's authenticator app, for a lost or replaced phone (docs/security.md). */
import type { FastifyInstance } from 'fastify';
import { CodedError } from '../../domain/errors.ts';
import { routes } from '../../domain/http/routes.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { revokeUserTokens } from '../auth/refresh-tokens.ts';
import { clearTotp } from '../sign-in/totp-state.ts';
import { findUserScope, type UserScope } from '../auth/user-queries.ts';
import { registerRoute } from '../http/register-route.ts';
import type { ServerContext } from '../context/server-context.ts';

/**
 * A system admin may reset anyone's second factor; an agency admin anyone's in their agency except
 * a system admin's (an agency role must not weaken a deployment-wide account).
 */
export function mayResetTotp(user: AuthUser, target: UserScope): boolean {
  if (user.role === 'system_admin') {
    return true;
  }
  return user.role === 'agency_admin' && target.agencyId === user.agencyId && target.role !== 'system_admin';
}

/** Registers the TOTP reset route. */
export function registerTotpResetRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, routes.resetUserTotp, async ({ params, user, request }) => {
    const target = await findUserScope(ctx.db, params.id);
    // A user of another agency is answered as missing, so ids are not confirmed.
    if (!target || (!mayResetTotp(user, target) && target.agencyId !== user.agencyId)) {
      throw new CodedError('not_found', 'No such user.');
    }
    if (!mayResetTotp(user, target)) {
      throw new CodedError('authorization_error', "Only an agency administrator can reset a user's authenticator app.");
    }
    const now = ctx.now();
    await ctx.db.transaction().execute(async (trx) => {
      await clearTotp(trx, target.id, now);
      // Sessions opened with the lost phone's codes end: whoever holds them must sign in again.
      await revokeUserTokens(trx, target.id, now);
      await recordAudit(trx, {
        actor: { userId: user.id, agencyId: user.agencyId, ip: request.ip },
        action: 'auth.totp_reset', entityType: 'user', entityId: target.id, outcome: 'success',
        details: { userAgencyId: target.agencyId }, at: now,
      });
    });
    // Open real-time sockets are sessions too: they close now, on every node.
    ctx.sessionEnds.ended({ userId: target.id, reason: 'second factor reset' });
    return { ok: true as const };
  });
}
