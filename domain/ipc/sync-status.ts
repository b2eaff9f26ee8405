/** What the renderer is told about sync — honest: never "synced" when it is not. */
import { z } from 'zod';

export const SyncStatusSchema = z.object({
  connection: z.enum(['online', 'offline', 'unknown']),
  /**
   * `pushing`: sending the outbox; `pulling`: fetching changes; `bootstrapping`: downloading
   * everything afresh (the cache switches over only when complete); `error`: the last attempt failed.
   */
  phase: z.enum(['idle', 'pushing', 'pulling', 'bootstrapping', 'error']),
  /** Local changes waiting to be sent (outbox items in state pending). */
  pendingChanges: z.number().int().nonnegative(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
  cachedCases: z.number().int().nonnegative(),
  /** Local changes the server refused, kept until the user dismisses them. */
  rejectedCount: z.number().int().nonnegative(),
  /** Local changes in conflict with a newer server version, waiting for the user's choice. */
  conflictCount: z.number().int().nonnegative(),
  /** People recorded offline whom the server found likely to be someone it holds, waiting for the user's answer (not outbox items). */
  reviewCount: z.number().int().nonnegative(),
  /**
   * True only when online, idle, synced at least once, the last attempt succeeded and the outbox
   * is empty (nothing pending, rejected or in conflict). The one field to read for "Up to date".
   */
  upToDate: z.boolean(),
});
/** The sync indicator's state. */
export type SyncStatus = z.infer<typeof SyncStatusSchema>;
