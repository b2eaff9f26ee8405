/** Sends the outbox to POST /sync/push in order, batch by batch, and records each verdict. */
import { CodedError } from '../../domain/errors.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { SyncStore } from './sync-store.ts';

const BATCH = 100;

/**
 * Pushes until no pending item is left. A push is idempotent (mutation ids), so the client may
 * retry it; an error leaves every unanswered item pending for the next attempt and is rethrown.
 * `userId` is the signed-in user, whose people to review the verdicts may add.
 */
export async function pushOutbox(store: SyncStore, api: ApiClient, accessToken: () => Promise<string>, userId: string): Promise<{ pushed: number }> {
  let pushed = 0;
  for (;;) {
    const batch = await store.nextBatch(BATCH);
    const first = batch[0];
    if (!first) {
      return { pushed };
    }
    let handled: number;
    try {
      const response = await api.call('syncPush', {
        body: {
          clientId: first.clientId,
          mutations: batch.map((item) => ({
            mutationId: item.mutationId, name: item.name, args: item.args, ...(item.baseVersion === null ? {} : { baseVersion: item.baseVersion }),
          })),
        },
        accessToken: await accessToken(),
        idempotent: true,
      });
      handled = await store.recordResults(batch, response.results, userId);
    } catch (error) {
      await store.noteFailedAttempt(batch);
      throw error;
    }
    if (handled === 0) {
      // Never loop on an answer that settles nothing; the items stay queued.
      throw new CodedError('internal_error', 'The server answered the push without a result for any change.');
    }
    pushed += handled;
  }
}
