/** The sign-in checks: lockout, password and second factor, each attempt recorded and audited. */
import { CodedError } from '../../domain/errors.ts';
import { recordAuditNow } from '../audit/record-audit.ts';
import type { ServerContext } from '../server-context.ts';
import { isLockedOut, recordLoginAttempt } from './lockout.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { verifyTotp } from './totp.ts';
import { findCredentials, type Credentials } from './user-queries.ts';

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

/**
 * Checks the second factor after a right password. A missing code is the first step of a
 * two-step sign-in and is not a failure; a wrong code is. Returns true when this sign-in
 * confirmed a pending enrolment (agency requires TOTP, the user set it up but had not used it).
 */
export async function checkSecondFactor(
  ctx: ServerContext,
  attempt: SignInAttempt,
  creds: Credentials,
  code: string | undefined,
): Promise<{ confirmsEnrolment: boolean }> {
  const confirmsEnrolment = !creds.totpEnabled && creds.totpRequired && creds.totpSecret !== null && code !== undefined;
  if (!creds.totpEnabled && !confirmsEnrolment) {
    if (creds.totpRequired) {
      throw new CodedError('totp_enrolment_required',
        'Your agency requires a second sign-in step. Set up an authenticator app, then sign in with its code.');
    }
    return { confirmsEnrolment: false };
  }
  if (code === undefined) {
    throw new CodedError('totp_required', 'Enter the six-digit code from your authenticator app.');
  }
  if (creds.totpSecret === null || !verifyTotp(creds.totpSecret, code, ctx.now())) {
    await refuse(ctx, attempt, creds, 'wrong_totp', 'failure');
    throw new CodedError('authentication_error', 'Wrong verification code.');
  }
  return { confirmsEnrolment };
}

/** Records a successful sign-in (attempt row and audit event). */
export async function recordSignIn(ctx: ServerContext, attempt: SignInAttempt, creds: Credentials, deviceId: string | null): Promise<void> {
  const at = ctx.now();
  await recordLoginAttempt(ctx.db, { username: attempt.username, userId: creds.id, succeeded: true, ip: attempt.ip, at });
  await recordAuditNow(ctx.db, {
    actor: { userId: creds.id, agencyId: creds.agencyId, deviceId, ip: attempt.ip },
    action: 'auth.login', entityType: 'user', entityId: creds.id, outcome: 'success', at,
  });
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
