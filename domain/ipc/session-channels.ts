/** IPC channels of the session: state, sign-in, sign-out, idle lock and unlock, and the admin policy's status. */
import { z } from 'zod';
import { SessionUserSchema } from '../entities.ts';
import { LoginBodySchema, TotpEnrolmentSchema, TotpSetupSchema } from '../http/auth-routes.ts';
import { NewPasswordSchema } from '../http/user-admin-routes.ts';
import { defineChannel } from './channel.ts';
import { SessionStateSchema } from './session-state.ts';

/** The same bounds as the server's sign-in body. */
const PasswordSchema = LoginBodySchema.shape.password;

/** What the sign-in screen and settings show about the machine policy: broken sources and admin-set fields. */
export const PolicyStatusSchema = z.object({
  warnings: z.array(z.object({ source: z.enum(['file', 'registry']), message: z.string() })),
  enforced: z.array(z.string()),
});
/** The machine policy's status. */
export type PolicyStatus = z.infer<typeof PolicyStatusSchema>;

export const sessionChannels = {
  'session.state': defineChannel({ input: z.null(), output: SessionStateSchema, needsSession: false }),
  /** `totpCode`: the second step, after sign-in answered `totp_required` (or to confirm a set-up). */
  'session.signIn': defineChannel({
    input: LoginBodySchema.pick({ username: true, password: true, totpCode: true }),
    output: SessionUserSchema,
    needsSession: false,
  }),
  /**
   * Signs out; `wipeCache` also removes the offline copy. Removing it while changes or audit records
   * have not reached the server answers `unsent_work`, unless `discardUnsent` says the user chose to.
   */
  'session.signOut': defineChannel({
    input: z.object({ wipeCache: z.boolean(), discardUnsent: z.boolean().default(false) }), output: z.null(), needsSession: false,
  }),
  /**
   * Sign-in answered `password_change_required`: sets the new password with the one the
   * administrator gave, then signs in with the new one. Online only.
   */
  'session.changePassword': defineChannel({
    input: LoginBodySchema.pick({ username: true, password: true, totpCode: true }).extend({ newPassword: NewPasswordSchema }).strict(),
    output: SessionUserSchema,
    needsSession: false,
  }),
  /**
   * Sign-in answered `totp_enrolment_required`: starts setting up an authenticator app with the
   * password (the next sign-in with a code from it confirms it). `setupToken` is the one an earlier
   * set-up in this sign-in returned, to start again. Online only; the answer is held by nobody but the screen.
   */
  'session.totpSetup': defineChannel({
    input: LoginBodySchema.pick({ username: true, password: true }).extend({ setupToken: TotpSetupSchema.shape.setupToken.optional() }).strict(),
    output: TotpSetupSchema,
    needsSession: false,
  }),
  /** A signed-in user sets up an authenticator app of their own accord: a new, unconfirmed secret. */
  'account.totpEnrol': defineChannel({ input: z.null(), output: TotpEnrolmentSchema, needsSession: true }),
  /** Confirms the app set up with `account.totpEnrol` with a current code; from then on sign-in asks for one. */
  'account.totpConfirm': defineChannel({ input: z.object({ code: LoginBodySchema.shape.totpCode.unwrap() }).strict(), output: z.null(), needsSession: true }),
  /** Locks now (closes the cache); locking a locked session does nothing. */
  'session.lock': defineChannel({ input: z.null(), output: z.null(), needsSession: false }),
  /** Unlocks with the user's password: checked by the server when reachable, else against the local verifier. */
  'session.unlock': defineChannel({ input: z.object({ password: PasswordSchema }), output: SessionUserSchema, needsSession: false }),
  /** The user did something: restarts the idle-lock countdown (the renderer throttles these). */
  'session.activity': defineChannel({ input: z.null(), output: z.null(), needsSession: false }),
  // Lives here until there is a policy channel file: the contract's channel table is not mine to extend.
  'policy.status': defineChannel({ input: z.null(), output: PolicyStatusSchema, needsSession: false }),
} as const;
