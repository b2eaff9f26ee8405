/** What the renderer is told about sync — honest: never "synced" when it is not. */
import { z } from 'zod';

export const SyncStatusSchema = z.object({
  connection: z.enum(['online', 'offline', 'unknown']),
  phase: z.enum(['idle', 'pulling', 'error']),
  pendingChanges: z.number().int().nonnegative(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
  cachedCases: z.number().int().nonnegative(),
});
/** The sync indicator's state. */
export type SyncStatus = z.infer<typeof SyncStatusSchema>;
