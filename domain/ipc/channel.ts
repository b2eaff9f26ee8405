/** How an IPC channel is declared once: zod schemas for input and output. */
import type { z } from 'zod';

/** One renderer → core call. */
export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Whether the handler needs a signed-in, unlocked session. */
  needsSession: boolean;
}

/** Declares a channel, keeping its schema types. */
export function defineChannel<I extends z.ZodType, O extends z.ZodType>(def: ChannelDef<I, O>): ChannelDef<I, O> {
  return def;
}
