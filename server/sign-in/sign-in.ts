/** The sign-in checks (lockout, password, second factor) and the commit of a sign-in that passed, each attempt recorded and audited. */
import { CodedError } from '../../domain/errors.ts';
import { recordAudit, recordAuditNow } from '../audit/record-audit.ts';
import type { ServerContext } from '../context/server-context.ts';
import { touchDevice } from '../auth/devices.ts';
import { isLockedOut, recordLoginAttempt } from '../auth/lockout.ts';
import { verifyAgainstDummy, verifyPassword } from '../auth/passwords.ts';
import { issueRefreshToken, type IssuedRefreshToken } from '../auth/refresh-tokens.ts';
import { claimTotpStep, enableTotp } from './totp-state.ts';
import { openTotpSecret } from '../auth/totp-secret-box.ts';
import { verifyTotp } from '../auth/totp.ts';
import { findCredentials, type Credentials } from '../auth/user-queries.ts';

const WRONG_CREDENTIALS = 'Wrong username or password.';

/** Who is signing in, from where. The password is never stored, logged or audited. */
export interface SignInAttempt {
  username: string;
  password: string;
  ip: string;
}

/**
 * Checks lockout then the password. A locked username is refused even with the right password,
 * and unknown usernames get the same answers as known ones (lockout included).
 */
export async function checkPassword(ctx: ServerContext, attempt: SignInAttempt): Promise<Credentials> {
  const now = ctx.now();
  const username = attempt.username.toLowerCase();
  const creds = await findCredentials(ctx.db, username);
  if (await isLockedOut(ctx.db, username, now)) {
    await refuse(ctx, attempt, creds, 'account_locked', 'denied');
    throw new CodedError('account_locked', 'Too many failed sign-ins: this account is locked for 15 minutes. Try again later.');
  }
  const valid = creds ? await verifyPassword(creds.passwordHash, attempt.password) : await verifyAgainstDummy(attempt.password);
  if (!creds || !valid) {
    await refuse(ctx, attempt, creds, 'wrong_password', 'failure');
    throw new CodedError('authentication_error', WRONG_CREDENTIALS);
  }
  return creds;
}

/** The second-factor outcome: the code's secret (as stored, sealed) and time step (null when no code was needed). */
export interface SecondFactor {
  code: { secret: string; step: number } | null;
  /** This sign-in confirms a pending enrolment (agency requires TOTP, set up but not yet used). */
  confirmsEnrolment: boolean;
}

/**
 * Checks the second factor after a right password. A missing code is the first step of a
 * two-step sign-in and is not a failure; a wrong code is. The code's step is only claimed when the
 * sign-in commits (`commitSignIn`), so a replayed code is refused there.
 */
export async function checkSecondFactor(
  ctx: ServerContext,
  attempt: SignInAttempt,
  creds: Credentials,
  code: string | undefined,
): Promise<SecondFactor> {
  const confirmsEnrolment = !creds.totpEnabled && creds.totpRequired && creds.totpSecret !== null && code !== undefined;
  if (!creds.totpEnabled && !confirmsEnrolment) {
    if (creds.totpRequired) {
      throw new CodedError('totp_enrolment_required',
        'Your agency requires a second sign-in step. Set up an authenticator app, then sign in with its code.');
    }
    return { code: null, confirmsEnrolment: false };
  }
  if (code === undefined) {
    throw new CodedError('totp_required', 'Enter the six-digit code from your authenticator app.');
  }
  // A secret that does not open with the configured key is an internal error, never a pass.
  const step = creds.totpSecret === null ? null : verifyTotp(openTotpSecret(ctx.totpKey, creds.id, creds.totpSecret), code, ctx.now());
  if (creds.totpSecret === null || step === null) {
    return refuseWrongCode(ctx, attempt, creds);
  }
  return { code: { secret: creds.totpSecret, step }, confirmsEnrolment };
}

/**
 * Commits a sign-in that passed every check, in one transaction: claims the code's time step
 * (compare-and-set, so a code signs in once and two concurrent uses cannot both win), turns on a
 * pending second factor, marks the device seen, records the attempt and audit event, and starts a
 * refresh-token family. A code whose step was already used is refused exactly as a wrong code.
 */
export async function commitSignIn(
  ctx: ServerContext,
  attempt: SignInAttempt,
  creds: Credentials,
  args: { secondFactor: SecondFactor; deviceId: string | null },
): Promise<IssuedRefreshToken> {
  const at = ctx.now();
  const { code, confirmsEnrolment } = args.secondFactor;
  const issued = await ctx.db.transaction().execute(async (trx) => {
    if (code !== null && !(await claimTotpStep(trx, { userId: creds.id, ...code }))) {
      return null;
    }
    if (confirmsEnrolment) {
      await enableTotp(trx, { userId: creds.id, agencyId: creds.agencyId, ip: attempt.ip, at });
    }
    if (args.deviceId !== null) {
      await touchDevice(trx, args.deviceId, at);
    }
    await recordLoginAttempt(trx, { username: attempt.username, userId: creds.id, succeeded: true, ip: attempt.ip, at });
    await recordAudit(trx, {
      actor: { userId: creds.id, agencyId: creds.agencyId, deviceId: args.deviceId, ip: attempt.ip },
      action: 'auth.login', entityType: 'user', entityId: creds.id, outcome: 'success', at,
    });
    return issueRefreshToken(trx, { userId: creds.id, deviceId: args.deviceId, now: at, days: ctx.config.refreshTokenDays });
  });
  return issued ?? refuseWrongCode(ctx, attempt, creds);
}

/** A wrong or already-used code: one answer for both (no hint), a failed attempt for lockout, audited. */
async function refuseWrongCode(ctx: ServerContext, attempt: SignInAttempt, creds: Credentials): Promise<never> {
  await refuse(ctx, attempt, creds, 'wrong_totp', 'failure');
  throw new CodedError('authentication_error', 'Wrong verification code.');
}

/** Records and audits a refused attempt; `reason` is a fixed word, the password never appears. */
async function refuse(
  ctx: ServerContext,
  attempt: SignInAttempt,
  creds: Credentials | undefined,
  reason: 'account_locked' | 'wrong_password' | 'wrong_totp',
  outcome: 'denied' | 'failure',
): Promise<void> {
  const at = ctx.now();
  await recordLoginAttempt(ctx.db, { username: attempt.username, userId: creds?.id ?? null, succeeded: false, ip: attempt.ip, at });
  await recordAuditNow(ctx.db, {
    actor: { userId: creds?.id ?? null, agencyId: creds?.agencyId ?? null, ip: attempt.ip },
    action: 'auth.login_failed', outcome, details: { username: attempt.username.toLowerCase(), reason }, at,
  });
}
