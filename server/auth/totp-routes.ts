/** Setting up the authenticator-app second factor: enrol, confirm, and set-up-at-sign-in. */
import type { FastifyInstance } from 'fastify';
import { CodedError } from '../../domain/errors.ts';
import { routes } from '../../domain/http/routes.ts';
import { registerRoute } from '../http/register-route.ts';
import type { ServerContext } from '../server-context.ts';
import { checkPassword } from './sign-in.ts';
import { claimTotpStep, enableTotp } from './totp-state.ts';
import { newTotpSecret, totpUri, verifyTotp } from './totp.ts';

/** Registers the TOTP routes. */
export function registerTotpRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, routes.totpEnrol, async ({ user }) => startEnrolment(ctx, user.id, user.username));

  registerRoute(app, ctx, routes.totpConfirm, async ({ body, user, request }) => {
    const row = await ctx.db.selectFrom('users').select(['totp_secret', 'totp_enabled']).where('id', '=', user.id).executeTakeFirstOrThrow();
    if (row.totp_enabled === 1) {
      throw new CodedError('conflict', 'A second factor is already set up.');
    }
    if (row.totp_secret === null) {
      throw new CodedError('conflict', 'Start setting up an authenticator app first.');
    }
    const secret = row.totp_secret;
    const step = verifyTotp(secret, body.code, ctx.now());
    // Claiming the step makes the confirming code single-use too: it cannot then sign in.
    const confirmed = step !== null && await ctx.db.transaction().execute(async (trx) => {
      if (!(await claimTotpStep(trx, { userId: user.id, secret, step }))) {
        return false;
      }
      await enableTotp(trx, { userId: user.id, agencyId: user.agencyId, ip: request.ip, at: ctx.now() });
      return true;
    });
    if (!confirmed) {
      throw new CodedError('validation_error', 'That code is not right; check the time on your phone and try the current code.');
    }
    return { ok: true as const };
  });

  // The agency requires a second factor but this user has none: they cannot get a token, so the
  // password (with lockout and audit) authorises setting one up; the first sign-in with a code
  // from it confirms it. Only allowed while no factor is enabled, so it cannot replace one.
  registerRoute(app, ctx, routes.totpSetup, async ({ body, request }) => {
    const creds = await checkPassword(ctx, { username: body.username, password: body.password, ip: request.ip });
    if (creds.totpEnabled) {
      throw new CodedError('conflict', 'A second factor is already set up; sign in with its code.');
    }
    if (!creds.totpRequired) {
      throw new CodedError('authorization_error', 'Sign in first, then set up an authenticator app from your account.');
    }
    return startEnrolment(ctx, creds.id, body.username.toLowerCase());
  });
}

/** Stores a new pending secret (replacing any earlier pending one) and returns it once. */
async function startEnrolment(ctx: ServerContext, userId: string, username: string) {
  const existing = await ctx.db.selectFrom('users').select('totp_enabled').where('id', '=', userId).executeTakeFirstOrThrow();
  if (existing.totp_enabled === 1) {
    throw new CodedError('conflict', 'A second factor is already set up.');
  }
  const secret = newTotpSecret();
  // A new secret starts with no used step: the last step belonged to codes of the old one.
  await ctx.db.updateTable('users').set({ totp_secret: secret, totp_last_step: null }).where('id', '=', userId).where('totp_enabled', '=', 0).execute();
  return { secret, otpauthUri: totpUri(secret, username) };
}
