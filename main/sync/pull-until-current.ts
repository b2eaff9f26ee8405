/** Pulls pages until the cache has everything the server has for this user. */
import { CodedError } from '../../domain/errors.ts';
import type { PullResponse } from '../../domain/http/sync-schemas.ts';
import type { CaseCache } from '../cache/case-cache.ts';

/** Fetches one page after a cursor (null = from the beginning). */
export type FetchPullPage = (cursor: string | null) => Promise<PullResponse>;

/**
 * Applies pages one by one, each with its cursor in one transaction, so a crash resumes where it
 * stopped. A `reset_required` answer wipes the cache and starts again, once.
 */
export async function pullUntilCurrent(cache: CaseCache, fetchPage: FetchPullPage): Promise<{ pages: number }> {
  let pages = 0;
  let resets = 0;
  for (;;) {
    let page: PullResponse;
    try {
      page = await fetchPage(await cache.cursor());
    } catch (error) {
      if (error instanceof CodedError && error.code === 'reset_required' && resets === 0) {
        resets += 1;
        await cache.wipe();
        continue;
      }
      throw error;
    }
    await cache.applyPullPage(page);
    pages += 1;
    if (!page.hasMore) {
      return { pages };
    }
  }
}
