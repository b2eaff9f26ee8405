/** Handlers of the outbox channels (conflicts, resolution, refusals), to be spread into the core's channel handlers. */
import { CodedError } from '../../domain/errors.ts';
import type { ChannelOutput, ChannelParsedInput } from '../../domain/ipc/contract.ts';
import type { SyncEngine } from './sync-engine.ts';

type OutboxChannel = 'sync.conflicts' | 'sync.resolveConflict' | 'sync.rejected' | 'sync.dismissRejected' | 'sync.personReviews' | 'sync.settlePersonReview';

/** One handler per outbox channel, typed from the contract. */
export type SyncChannelHandlers = {
  [C in OutboxChannel]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>>;
};

/** Builds the handlers over the engine; each needs an unlocked session (the dispatcher checks `needsSession`). */
export function createSyncChannelHandlers(sync: SyncEngine): SyncChannelHandlers {
  return {
    'sync.conflicts': () => sync.outbox().store.conflicts(),
    'sync.rejected': () => sync.outbox().store.rejected(),
    'sync.resolveConflict': async (input) => {
      const { store, actor } = sync.outbox();
      await store.resolveConflict(input, actor);
      // Keep mine / merge queued a change to push; take theirs needs a pull. Either way, sync soon.
      sync.requestSync();
      return sync.refreshCounts();
    },
    'sync.dismissRejected': async ({ mutationId }) => {
      if (!(await sync.outbox().store.dismissRejected(mutationId))) {
        throw new CodedError('not_found', 'No refused change with this id.');
      }
      return sync.refreshCounts();
    },
    'sync.personReviews': () => {
      const { store, actor } = sync.outbox();
      return store.personReviews(actor.userId);
    },
    'sync.settlePersonReview': async (input) => {
      const { store, actor } = sync.outbox();
      await store.settlePersonReview(input, actor);
      // "Use the existing person" queued changes to push.
      sync.requestSync();
      return sync.refreshCounts();
    },
  };
}
