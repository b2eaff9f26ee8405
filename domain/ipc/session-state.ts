/** Whether someone is signed in, locked or signed out — and why a session ended, when the core ended it. */
import { z } from 'zod';
import { SessionUserSchema } from '../entities.ts';

/** Why the core ended a session on its own (the renderer tells the user). */
export const SignedOutReasonSchema = z.enum(['device_revoked', 'session_ended']);
/** Why the core ended a session on its own. */
export type SignedOutReason = z.infer<typeof SignedOutReasonSchema>;

export const SessionStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('signed_out'), reason: SignedOutReasonSchema.optional() }),
  /** `offline`: signed in or unlocked without the server (password checked locally); cleared once the server has renewed the session. */
  z.object({ state: z.literal('signed_in'), user: SessionUserSchema, offline: z.literal(true).optional() }),
  z.object({ state: z.literal('locked'), user: SessionUserSchema }),
]);
/** Whether someone is signed in, locked (idle lock: cache closed, password needed) or signed out. */
export type SessionState = z.infer<typeof SessionStateSchema>;
