/** Whether someone is signed in, and who. */
import { z } from 'zod';
import { SessionUserSchema } from '../entities.ts';

export const SessionStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('signed_out') }),
  z.object({ state: z.literal('signed_in'), user: SessionUserSchema }),
]);
/** Whether someone is signed in, and who. */
export type SessionState = z.infer<typeof SessionStateSchema>;
