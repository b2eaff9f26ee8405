/** IPC channels of the sync engine: status, sync now, and the outbox items that need the user (conflicts, refusals). */
import { z } from 'zod';
import { LikelyMatchSchema } from '../entities/person.ts';
import { IdSchema } from '../ids.ts';
import { defineChannel } from './channel.ts';
import { SyncStatusSchema } from './sync-status.ts';

const FieldValues = z.record(z.string(), z.string().nullable());

export const SyncConflictSchema = z.object({
  id: IdSchema,
  /** The outbox item the conflict holds back. */
  mutationId: z.number().int().positive(),
  entity: z.string(),
  entityId: IdSchema,
  /** The contested fields, e.g. `["riskLevel"]`. */
  fields: z.array(z.string()),
  /** My values of the contested fields. */
  mine: FieldValues,
  /** The server's current values of the contested fields. */
  theirs: FieldValues,
  serverVersion: z.number().int().positive(),
  /** Contested fields that are free text, so "merge" can offer an editor. */
  textFields: z.array(z.string()),
  createdAt: z.string(),
});
/** A local change the server did not apply because the record moved on. */
export type SyncConflict = z.infer<typeof SyncConflictSchema>;

export const RejectedChangeSchema = z.object({
  mutationId: z.number().int().positive(),
  name: z.string(),
  args: z.record(z.string(), z.unknown()),
  error: z.object({ code: z.string(), message: z.string() }),
  createdAt: z.string(),
});
/** A local change the server refused; kept until the user dismisses it. */
export type RejectedChange = z.infer<typeof RejectedChangeSchema>;

export const ResolveConflictInputSchema = z.discriminatedUnion('choice', [
  z.object({ conflictId: IdSchema, choice: z.literal('keep_mine') }).strict(),
  z.object({ conflictId: IdSchema, choice: z.literal('take_theirs') }).strict(),
  // As long as a report's text may be; the merged field's own limit is checked again when the change is queued.
  z.object({ conflictId: IdSchema, choice: z.literal('merge'), mergedText: z.string().trim().min(1).max(100_000) }).strict(),
]);
/** The user's answer to a conflict; `merge` carries the merged text of the conflict's text field. */
export type ResolveConflictInput = z.infer<typeof ResolveConflictInputSchema>;

export const PersonReviewSchema = z.object({
  /** The person this user recorded on this computer. */
  personId: IdSchema,
  givenName: z.string(),
  familyName: z.string(),
  /** The server's likely matches at push, as the user may see them; only a full record can be used instead. */
  likelyMatches: z.array(LikelyMatchSchema),
  createdAt: z.string(),
});
/** A person recorded offline whom the server found to be probably someone it already holds (docs/sync.md, "People to review"). */
export type PersonReview = z.infer<typeof PersonReviewSchema>;

export const SettlePersonReviewInputSchema = z.discriminatedUnion('choice', [
  z.object({ personId: IdSchema, choice: z.literal('keep_new') }).strict(),
  z.object({ personId: IdSchema, choice: z.literal('use_existing'), existingPersonId: IdSchema }).strict(),
]);
/**
 * The user's answer: keep the new person, or use an existing one instead — on every case this
 * computer holds the new person on, the existing person is added in the same role and the new one
 * taken off (queued changes, sent at the next sync).
 */
export type SettlePersonReviewInput = z.infer<typeof SettlePersonReviewInputSchema>;

export const syncChannels = {
  'sync.status': defineChannel({ input: z.null(), output: SyncStatusSchema, needsSession: false }),
  'sync.now': defineChannel({ input: z.null(), output: SyncStatusSchema, needsSession: true }),
  'sync.conflicts': defineChannel({ input: z.null(), output: z.array(SyncConflictSchema), needsSession: true }),
  'sync.resolveConflict': defineChannel({ input: ResolveConflictInputSchema, output: SyncStatusSchema, needsSession: true }),
  'sync.rejected': defineChannel({ input: z.null(), output: z.array(RejectedChangeSchema), needsSession: true }),
  'sync.dismissRejected': defineChannel({
    input: z.object({ mutationId: z.number().int().positive() }).strict(), output: SyncStatusSchema, needsSession: true,
  }),
  'sync.personReviews': defineChannel({ input: z.null(), output: z.array(PersonReviewSchema), needsSession: true }),
  'sync.settlePersonReview': defineChannel({ input: SettlePersonReviewInputSchema, output: SyncStatusSchema, needsSession: true }),
} as const;
