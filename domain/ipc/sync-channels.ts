/** IPC channels of the sync engine: status and sync now. */
import { z } from 'zod';
import { defineChannel } from './channel.ts';
import { SyncStatusSchema } from './sync-status.ts';

export const syncChannels = {
  'sync.status': defineChannel({ input: z.null(), output: SyncStatusSchema, needsSession: false }),
  'sync.now': defineChannel({ input: z.null(), output: SyncStatusSchema, needsSession: true }),
} as const;
