/** Checks an answer from the desktop core against the contract before the UI sees it. */
import { z } from 'zod';
import { type ChannelName, type ChannelOutput, channels } from '../../../domain/ipc/contract.ts';
import { isErrorCode } from '../../../domain/errors.ts';
import { fail, ok, type Result } from '../../../domain/result.ts';

const EnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

/**
 * Turns a raw answer into a Result: a value that matches the channel's output schema, or a coded
 * error. Anything else — a malformed envelope, an unknown error code, a value that breaks the
 * contract — becomes `internal_error`, so the UI never renders unchecked data.
 */
export function toResult<C extends ChannelName>(channel: C, raw: unknown): Result<ChannelOutput<C>> {
  const envelope = EnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    return fail({ code: 'internal_error', message: `The answer to ${channel} was not a result.` });
  }
  if (!envelope.data.ok) {
    const { code, message } = envelope.data.error;
    return fail({ code: isErrorCode(code) ? code : 'internal_error', message });
  }
  const schema: z.ZodType = channels[channel].output;
  const value = schema.safeParse(envelope.data.value);
  if (!value.success) {
    return fail({ code: 'internal_error', message: `The answer to ${channel} did not match the contract.` });
  }
  // Safe: the value was just parsed by this channel's own output schema.
  return ok(value.data as ChannelOutput<C>);
}
