/** The outbox side of the cache: queue local changes, hand out push batches, record verdicts, list what needs the user. */
import type { Kysely } from 'kysely';
import { CodedError } from '../../domain/errors.ts';
import type { PushResult } from '../../domain/http/sync-schemas.ts';
import type { PersonReview, RejectedChange, ResolveConflictInput, SettlePersonReviewInput, SyncConflict } from '../../domain/ipc/sync-channels.ts';
import { ensureClientId, noteServerLastMutationId } from './client-identity.ts';
import { applyOptimistic, reappliedBefore } from './optimistic-apply.ts';
import { toOutboxItem, type OutboxItem } from './outbox-item.ts';
import { forgetDepartedPersonReviews, listPersonReviews, settlePersonReview } from './person-reviews.ts';
import { queueLocalChange, type LocalChange } from './queue-local-change.ts';
import { recordPushResults } from './record-push-results.ts';
import { MERGEABLE_TEXT_FIELDS, resolveConflict } from './resolve-conflict.ts';
import type { LocalActor, SyncCacheDatabase } from './sync-cache-db.ts';

/** How many outbox items are in each state. */
export interface OutboxCounts {
  pending: number;
  rejected: number;
  conflicts: number;
  /** People to review (not outbox items, but the user's to answer like them). */
  reviews: number;
}

/** Async and serialisable, so it can live behind the cache worker like the rest of the cache. */
export interface SyncStore {
  /** This cache's sync client id (created on first use). */
  clientId(): Promise<string>;
  /** Writes the optimistic row and the outbox entry in one transaction; returns the mutation id. */
  enqueue(change: LocalChange, actor: LocalActor): Promise<number>;
  /** The oldest pending items of one client id, in order, at most `max`. */
  nextBatch(max: number): Promise<OutboxItem[]>;
  /** Records the server's verdicts in one transaction (people to review are `userId`'s); returns how many items got one. */
  recordResults(batch: OutboxItem[], results: PushResult[], userId: string): Promise<number>;
  /** Where one outbox item stands; null once the server applied it (or it was dismissed). */
  itemState(mutationId: number): Promise<{ state: 'pending' | 'rejected' | 'conflict'; error: { code: string; message: string } | null } | null>;
  /** Counts a push attempt that got no answer. */
  noteFailedAttempt(batch: OutboxItem[]): Promise<void>;
  /** Re-applies pending local effects after a pull overwrote rows with the server's. */
  reapplyPending(actor: LocalActor): Promise<void>;
  /** Keeps new mutation ids above the server's last applied one. */
  noteServerLastMutationId(clientId: string, lastMutationId: number): Promise<void>;
  counts(): Promise<OutboxCounts>;
  conflicts(): Promise<SyncConflict[]>;
  rejected(): Promise<RejectedChange[]>;
  /** Removes a rejected item the user has seen; `not_found` if it is not a rejected item. */
  dismissRejected(mutationId: number): Promise<boolean>;
  /** Carries out the user's choice; returns the re-queued mutation id, or null. */
  resolveConflict(input: ResolveConflictInput, actor: LocalActor): Promise<number | null>;
  /** The user's people to review (docs/sync.md, "People to review"). */
  personReviews(userId: string): Promise<PersonReview[]>;
  /** Carries out the user's answer to one, queueing any changes it makes in the same transaction. */
  settlePersonReview(input: SettlePersonReviewInput, actor: LocalActor): Promise<void>;
  /** Drops the people to review who are no longer in the offline copy (call once it is current); returns how many. */
  forgetDepartedPersonReviews(): Promise<number>;
}

/** Creates the store over the cache database (the same connection as the mirror tables). */
export function createSyncStore(db: Kysely<SyncCacheDatabase>, now: () => Date): SyncStore {
  const at = () => now().toISOString();
  return {
    clientId: () => db.transaction().execute((trx) => ensureClientId(trx)),
    enqueue: (change, actor) => db.transaction().execute((trx) => queueLocalChange(trx, change, actor, at())),
    async nextBatch(max) {
      const rows = await db.selectFrom('outbox').selectAll().where('state', '=', 'pending').orderBy('mutation_id').limit(max).execute();
      const items = rows.map(toOutboxItem);
      // One push carries one client id; a change of id (after a wipe) starts a new batch.
      const end = items.findIndex((item) => item.clientId !== items[0]?.clientId);
      return end === -1 ? items : items.slice(0, end);
    },
    recordResults: (batch, results, userId) => db.transaction().execute((trx) => recordPushResults(trx, batch, results, at(), userId)),
    async itemState(mutationId) {
      const row = await db.selectFrom('outbox').select(['state', 'error_code', 'error_message']).where('mutation_id', '=', mutationId).executeTakeFirst();
      if (!row) {
        return null;
      }
      return { state: row.state, error: row.error_code === null ? null : { code: row.error_code, message: row.error_message ?? 'Refused by the server.' } };
    },
    async noteFailedAttempt(batch) {
      const ids = batch.map((b) => b.mutationId);
      if (ids.length > 0) {
        await db.updateTable('outbox').set((eb) => ({ attempts: eb('attempts', '+', 1) })).where('mutation_id', 'in', ids).execute();
      }
    },
    reapplyPending: (actor) =>
      db.transaction().execute(async (trx) => {
        const rows = await trx.selectFrom('outbox').selectAll().where('state', '=', 'pending').orderBy('mutation_id').execute();
        for (const item of rows.map(toOutboxItem)) {
          // A record the user can no longer see stays out; the push will tell whether the change still applies.
          const reapplied = await applyOptimistic(trx, item.name, item.args, actor, item.createdAt).catch((error: unknown) => {
            if (error instanceof CodedError && error.code === 'not_found') {
              return item.before;
            }
            throw error;
          });
          // A row the pull left alone still holds my value: keep the image of what the server had.
          const before = reappliedBefore(item.name, item.args, item.before, reapplied);
          await trx.updateTable('outbox').set({ before_image: before === null ? null : JSON.stringify(before) })
            .where('mutation_id', '=', item.mutationId).execute();
        }
      }),
    noteServerLastMutationId: (clientId, last) => db.transaction().execute((trx) => noteServerLastMutationId(trx, clientId, last)),
    async counts() {
      const rows = await db.selectFrom('outbox').select((eb) => ['state', eb.fn.countAll<number>().as('n')]).groupBy('state').execute();
      const n = (state: string) => Number(rows.find((r) => r.state === state)?.n ?? 0);
      const reviews = await db.selectFrom('person_reviews').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return { pending: n('pending'), rejected: n('rejected'), conflicts: n('conflict'), reviews: Number(reviews.n) };
    },
    async conflicts() {
      const rows = await db.selectFrom('sync_conflicts').selectAll().orderBy('mutation_id').execute();
      return rows.map((r) => {
        const fields = JSON.parse(r.fields) as string[];
        return {
          id: r.id, mutationId: r.mutation_id, entity: r.entity, entityId: r.entity_id, fields,
          mine: JSON.parse(r.mine) as Record<string, string | null>, theirs: JSON.parse(r.theirs) as Record<string, string | null>,
          serverVersion: r.server_version, textFields: fields.filter((f) => MERGEABLE_TEXT_FIELDS.includes(f)), createdAt: r.created_at,
        };
      });
    },
    async rejected() {
      const rows = await db.selectFrom('outbox').selectAll().where('state', '=', 'rejected').orderBy('mutation_id').execute();
      return rows.map((r) => ({
        mutationId: r.mutation_id, name: r.name, args: JSON.parse(r.args) as Record<string, unknown>,
        error: { code: r.error_code ?? 'internal_error', message: r.error_message ?? 'Refused by the server.' }, createdAt: r.created_at,
      }));
    },
    async dismissRejected(mutationId) {
      const result = await db.deleteFrom('outbox').where('mutation_id', '=', mutationId).where('state', '=', 'rejected').executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
    resolveConflict: (input, actor) => db.transaction().execute((trx) => resolveConflict(trx, input, actor, at())),
    personReviews: (userId) => listPersonReviews(db, userId),
    settlePersonReview: (input, actor) => db.transaction().execute((trx) => settlePersonReview(trx, input, actor, at())),
    forgetDepartedPersonReviews: () => forgetDepartedPersonReviews(db),
  };
}
