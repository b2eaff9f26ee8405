/**
 * The forced password change (docs/security.md, "Passwords"): after an administrator set a user's
 * password, sign-in answers `password_change_required` and gives no token; the user proves the
 * current password (and their code, when a second factor is on) here and chooses a new one.
 */
import type { FastifyInstance } from 'fastify';
import { CodedError } from '../../domain/errors.ts';
import { routes } from '../../domain/http/routes.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { ServerContext } from '../context/server-context.ts';
import { registerRoute } from '../http/register-route.ts';
import { checkPassword, checkSecondFactor } from './sign-in.ts';
import { claimTotpStep } from './totp-state.ts';

/** What sign-in says while the change is due. */
export const MUST_CHANGE = 'An administrator set your password: choose a new one to continue.';

/** Registers POST /auth/password/change. */
export function registerPasswordChangeRoute(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, routes.changePassword, async ({ body, request }) => {
    const attempt = { username: body.username, password: body.password, ip: request.ip };
    const creds = await checkPassword(ctx, attempt);
    // Only a change an administrator asked for is made here; a chosen password is changed when signed in.
    if (!creds.mustChangePassword) {
      throw new CodedError('conflict', 'Your password does not need changing; sign in with it.');
    }
    const secondFactor = await checkSecondFactor(ctx, attempt, creds, body.totpCode);
    if (body.newPassword === body.password) {
      throw new CodedError('validation_error', 'Choose a password different from the one you were given.');
    }
    const passwordHash = await hashPassword(body.newPassword);
    const at = ctx.now();
    const changed = await ctx.db.transaction().execute(async (trx) => {
      // A code used here is spent, as at sign-in.
      if (secondFactor.code !== null && !(await claimTotpStep(trx, { userId: creds.id, ...secondFactor.code }))) {
        return false;
      }
      // Compare-and-set: two concurrent changes cannot both win.
      const updated = await trx.updateTable('users').set({ password_hash: passwordHash, must_change_password: 0 })
        .where('id', '=', creds.id).where('must_change_password', '=', 1).executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) {
        return false;
      }
      await recordAudit(trx, {
        actor: { userId: creds.id, agencyId: creds.agencyId, ip: request.ip },
        action: 'auth.password_changed', entityType: 'user', entityId: creds.id, outcome: 'success', details: { forced: true }, at,
      });
      return true;
    });
    if (!changed) {
      throw new CodedError('conflict', 'Your password was changed already, or that code was used; sign in again.');
    }
    return { ok: true as const };
  });
}
