/** Sends the outbox to POST /sync/push in order, batch by batch, and records each verdict. */
import { CodedError } from '../../domain/errors.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { MutationArgs } from '../../domain/sync/mutations.ts';
import { sendQueuedUpload, type QueuedUploadFiles } from './send-queued-upload.ts';
import type { SyncStore } from './sync-store.ts';

const BATCH = 100;

/**
 * Pushes until no pending item is left. A queued upload's content goes to the upload route first
 * (`files`: the cache's sealed copies), so a batch ends before each upload, and the upload's own
 * mutation is pushed after its content, behind every change queued before it (a case made offline first). A push is idempotent (mutation ids), so the client may
 * retry it; an error leaves every unanswered item pending for the next attempt and is rethrown.
 * `userId` is the signed-in user, whose people to review the verdicts may add.
 */
export async function pushOutbox(
  store: SyncStore, api: ApiClient, accessToken: () => Promise<string>, userId: string, files: QueuedUploadFiles | null = null,
): Promise<{ pushed: number }> {
  let pushed = 0;
  for (;;) {
    let batch = await store.nextBatch(BATCH);
    const first = batch[0];
    if (!first) {
      return { pushed };
    }
    const cut = batch.findIndex((item, at) => at > 0 && item.name === 'document.upload');
    if (cut > 0) {
      batch = batch.slice(0, cut);
    }
    if (first.name === 'document.upload') {
      const args = first.args as MutationArgs<'document.upload'>;
      let refusal;
      try {
        refusal = await sendQueuedUpload(files, api, accessToken, args);
      } catch (error) {
        await store.noteFailedAttempt([first]);
        throw error;
      }
      if (refusal) {
        // Refused by the server (or lost here): shown among refused changes; the local copy goes.
        await store.recordResults([first], [{ mutationId: first.mutationId, status: 'rejected', error: refusal }], userId);
        await files?.remove(args.documentId);
        pushed += 1;
        continue;
      }
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
