/** Pulls pages until the cache has everything the server has for this user. */
import { CodedError } from '../../domain/errors.ts';
import type { PullResponse } from '../../domain/http/sync-schemas.ts';
import type { CaseCache } from '../cache/case-cache.ts';

/** Fetches one page after a cursor (null = from the beginning). */
export type FetchPullPage = (cursor: string | null) => Promise<PullResponse>;

/** What a pull did: pages applied, whether the server asked for a reset, and its last applied mutation id for our client. */
export interface PullOutcome {
  pages: number;
  reset: boolean;
  lastMutationId: number;
}

/**
 * Applies pages one by one, each with its cursor in one transaction, so a crash resumes where it
 * stopped. A `reset_required` answer wipes the cache and starts again from cursor 0, once. (The
 * outbox lives in its own tables, which a wipe leaves alone, so no local change is lost.)
 */
export async function pullUntilCurrent(cache: CaseCache, fetchPage: FetchPullPage): Promise<PullOutcome> {
  let pages = 0;
  let reset = false;
  for (;;) {
    let page: PullResponse;
    try {
      page = await fetchPage(await cache.cursor());
    } catch (error) {
      if (error instanceof CodedError && error.code === 'reset_required' && !reset) {
        reset = true;
        await cache.wipe();
        continue;
      }
      throw error;
    }
    await cache.applyPullPage(page);
    pages += 1;
    if (!page.hasMore) {
      return { pages, reset, lastMutationId: page.lastMutationId };
    }
  }
}
