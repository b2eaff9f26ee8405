/**
 * A DASH checklist or a MARAC referral made when the server cannot be reached (docs/marac.md,
 * "Offline"): saved online when it can be; otherwise queued through `changes.submit` with
 * client-made ids, to be scored, checked and flagged by the server when it is pushed.
 */
import type { Result } from '../../../domain/result.ts';

/** Codes that mean the server was not reached: the change waits on this computer instead. */
const QUEUE_ON: ReadonlySet<string> = new Set(['network_error', 'server_unavailable']);

/** The server's answer, or that the change waits in the outbox. */
export type SavedOrQueued<T> = { queued: false; value: T } | { queued: true };

/** Tries `online`; when the server cannot be reached, runs `queue` instead. Other refusals pass through. */
export async function saveOrQueue<T>(online: () => Promise<Result<T>>, queue: () => Promise<Result<unknown>>): Promise<Result<SavedOrQueued<T>>> {
  const answer = await online();
  if (answer.ok) {
    return { ok: true, value: { queued: false, value: answer.value } };
  }
  if (!QUEUE_ON.has(answer.error.code)) {
    return { ok: false, error: answer.error };
  }
  const queued = await queue();
  return queued.ok ? { ok: true, value: { queued: true } } : { ok: false, error: queued.error };
}
