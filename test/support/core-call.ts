/** Calls a desktop-core channel in a test and unwraps its Result, failing loudly with the error code. */
import type { DesktopCore } from '../../main/core/desktop-core.ts';

/** The answer of `channel`, or an Error naming the channel and the typed error it answered. */
export async function callCore<T>(core: DesktopCore, channel: Parameters<DesktopCore['handle']>[0], input: unknown): Promise<T> {
  const result = await core.handle(channel, input);
  if (!result.ok) {
    throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  }
  return result.value as T;
}
