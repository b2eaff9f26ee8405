/** Setting up the authenticator-app second factor: enrol, confirm, and set-up-at-sign-in. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { CodedError } from '../../domain/errors.ts';
import { routes } from '../../domain/http/routes.ts';
import { recordAuditNow } from '../audit/record-audit.ts';
import { registerRoute } from '../http/register-route.ts';
import type { ServerContext } from '../context/server-context.ts';
import { checkPassword } from './sign-in.ts';
import { openTotpSecret, sealTotpSecret } from '../auth/totp-secret-box.ts';
import { claimTotpStep, enableTotp } from './totp-state.ts';
import { newTotpSecret, totpUri, verifyTotp } from '../auth/totp.ts';

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
    const step = verifyTotp(openTotpSecret(ctx.totpKey, user.id, secret), body.code, ctx.now());
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
  // from it confirms it. Only allowed while no factor is enabled, so it cannot replace one; and a
  // pending set-up is replaced only with the set-up token it returned (or after an admin reset),
  // so someone who merely knows the password cannot swap in their own app.
  registerRoute(app, ctx, routes.totpSetup, async ({ body, request }) => {
    const creds = await checkPassword(ctx, { username: body.username, password: body.password, ip: request.ip });
    if (creds.totpEnabled) {
      throw new CodedError('conflict', 'A second factor is already set up; sign in with its code.');
    }
    if (!creds.totpRequired) {
      throw new CodedError('authorization_error', 'Sign in first, then set up an authenticator app from your account.');
    }
    const pending = await ctx.db.selectFrom('users').select(['totp_secret', 'totp_setup_hash']).where('id', '=', creds.id).executeTakeFirstOrThrow();
    if (pending.totp_secret !== null && !setupTokenMatches(body.setupToken, pending.totp_setup_hash)) {
      // The password was right but the set-up token was not: worth an administrator's attention.
      await recordAuditNow(ctx.db, {
        actor: { userId: creds.id, agencyId: creds.agencyId, ip: request.ip },
        action: 'auth.login_failed', outcome: 'denied', at: ctx.now(),
        details: { username: body.username.toLowerCase(), reason: 'totp_setup_pending' },
      });
      throw new CodedError('conflict', PENDING_SET_UP);
    }
    const setupToken = randomBytes(32).toString('base64url');
    const secret = newTotpSecret();
    // Compare-and-set on the pending state just read, so two concurrent set-ups cannot both win.
    const replaced = await ctx.db.updateTable('users')
      .set({ totp_secret: sealTotpSecret(ctx.totpKey, creds.id, secret), totp_last_step: null, totp_setup_hash: hashSetupToken(setupToken) })
      .where('id', '=', creds.id)
      .where('totp_enabled', '=', 0)
      .where((eb) => (pending.totp_secret === null ? eb('totp_secret', 'is', null) : eb('totp_setup_hash', '=', pending.totp_setup_hash)))
      .executeTakeFirst();
    if (Number(replaced.numUpdatedRows) !== 1) {
      throw new CodedError('conflict', PENDING_SET_UP);
    }
    return { secret, otpauthUri: totpUri(secret, body.username.toLowerCase()), setupToken };
  });
}

const PENDING_SET_UP = 'An authenticator app is already being set up for this account. Finish by signing in with a code from it, or ask an administrator to reset it.';

/** SHA-256 of a set-up token: the database never holds the token itself. */
function hashSetupToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** True when the token was sent and hashes to the stored hash (compared in constant time). */
function setupTokenMatches(token: string | undefined, storedHash: string | null): boolean {
  if (token === undefined || storedHash === null) {
    return false;
  }
  const sent = Buffer.from(hashSetupToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return sent.length === stored.length && timingSafeEqual(sent, stored);
}

/** Stores a new pending secret for a signed-in user (replacing any earlier pending one) and returns it once. */
async function startEnrolment(ctx: ServerContext, userId: string, username: string) {
  const existing = await ctx.db.selectFrom('users').select('totp_enabled').where('id', '=', userId).executeTakeFirstOrThrow();
  if (existing.totp_enabled === 1) {
    throw new CodedError('conflict', 'A second factor is already set up.');
  }
  const secret = newTotpSecret();
  // A new secret starts with no used step: the last step belonged to codes of the old one. The
  // signed-in user now owns the pending set-up, so an earlier password set-up's token lapses.
  await ctx.db.updateTable('users').set({ totp_secret: sealTotpSecret(ctx.totpKey, userId, secret), totp_last_step: null, totp_setup_hash: null }).where('id', '=', userId).where('totp_enabled', '=', 0).execute();
  return { secret, otpauthUri: totpUri(secret, username) };
}
