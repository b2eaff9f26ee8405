/** Checks an event payload against the contract before any listener sees it. */
import type { z } from 'zod';
import { type EventName, type EventPayload, events } from '../../../domain/ipc/contract.ts';

/** The payload parsed by the event's schema, or `{ ok: false }` when it does not match. */
export function parseEventPayload<E extends EventName>(
  event: E,
  payload: unknown,
): { ok: true; payload: EventPayload<E> } | { ok: false } {
  const schema: z.ZodType = events[event];
  const parsed = schema.safeParse(payload);
  // Safe: the payload was just parsed by this event's own schema.
  return parsed.success ? { ok: true, payload: parsed.data as EventPayload<E> } : { ok: false };
}
