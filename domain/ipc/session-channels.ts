/** IPC channels of the session: state, sign-in, sign-out, idle lock and unlock, and the admin policy's status. */
import { z } from 'zod';
import { SessionUserSchema } from '../entities.ts';
import { LoginBodySchema } from '../http/auth-routes.ts';
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
  'session.signIn': defineChannel({
    input: LoginBodySchema.pick({ username: true, password: true }),
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
    input: LoginBodySchema.pick({ username: true, password: true }).extend({ newPassword: NewPasswordSchema }).strict(),
    output: SessionUserSchema,
    needsSession: false,
  }),
  /** Locks now (closes the cache); locking a locked session does nothing. */
  'session.lock': defineChannel({ input: z.null(), output: z.null(), needsSession: false }),
  /** Unlocks with the user's password: checked by the server when reachable, else against the local verifier. */
  'session.unlock': defineChannel({ input: z.object({ password: PasswordSchema }), output: SessionUserSchema, needsSession: false }),
  /** The user did something: restarts the idle-lock countdown (the renderer throttles these). */
  'session.activity': defineChannel({ input: z.null(), output: z.null(), needsSession: false }),
  // Lives here until there is a policy channel file: the contract's channel table is not mine to extend.
  'policy.status': defineChannel({ input: z.null(), output: PolicyStatusSchema, needsSession: false }),
} as const;
