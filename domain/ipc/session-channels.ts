/** IPC channels of the session: state, sign-in, sign-out. */
import { z } from 'zod';
import { SessionUserSchema } from '../entities.ts';
import { defineChannel } from './channel.ts';
import { SessionStateSchema } from './session-state.ts';

export const sessionChannels = {
  'session.state': defineChannel({ input: z.null(), output: SessionStateSchema, needsSession: false }),
  'session.signIn': defineChannel({
    input: z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(512) }),
    output: SessionUserSchema,
    needsSession: false,
  }),
  'session.signOut': defineChannel({ input: z.object({ wipeCache: z.boolean() }), output: z.null(), needsSession: false }),
} as const;
