/** The sync protocol's wire shapes (DESIGN.md §4). */
import { z } from 'zod';
import { AgencySchema, CaseRecordSchema } from '../entities.ts';
import { IdSchema } from '../ids.ts';

/** A pull cursor: an opaque decimal string of the change-log sequence the client has seen. */
export const CursorSchema = z.string().regex(/^\d{1,15}$/, 'cursor must be a change-log position');

export const SyncChangeSchema = z.discriminatedUnion('entity', [
  z.object({ entity: z.literal('agency'), seq: z.number().int(), data: AgencySchema }),
  z.object({ entity: z.literal('case'), seq: z.number().int(), data: CaseRecordSchema }),
]);
/** One record the client must upsert. */
export type SyncChange = z.infer<typeof SyncChangeSchema>;
/** The entities that travel through sync. */
export type SyncEntity = SyncChange['entity'];

export const SyncRemovalSchema = z.object({ entity: z.enum(['agency', 'case']), id: IdSchema });
/** A record the client must delete because the user can no longer see it. */
export type SyncRemoval = z.infer<typeof SyncRemovalSchema>;

export const PullQuerySchema = z.object({
  cursor: CursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const PullResponseSchema = z.object({
  changes: z.array(SyncChangeSchema),
  removals: z.array(SyncRemovalSchema),
  cursor: CursorSchema,
  hasMore: z.boolean(),
  lastMutationId: z.number().int().nonnegative(),
});
/** One page of a pull. */
export type PullResponse = z.infer<typeof PullResponseSchema>;
