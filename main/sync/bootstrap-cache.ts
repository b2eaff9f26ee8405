/**
 * Fills the cache from scratch: bootstrap pages are staged (each with the position of the next, so
 * a crash resumes there) and swapped in for the whole mirror once the last page has arrived.
 */
import { CodedError } from '../../domain/errors.ts';
import { bootstrapPageOf, type BootstrapAnswer } from '../../domain/http/bootstrap-compact.ts';
import type { BootstrapPhase, BootstrapResponse } from '../../domain/http/sync-schemas.ts';
import type { CaseCache } from '../cache/case-cache.ts';

/** Where to fetch a bootstrap page from: null starts a new bootstrap at the server's current position. */
export type BootstrapPosition = { snapshot: string; phase: BootstrapPhase; after: string | null } | null;

/** Fetches one bootstrap page, in either format (a compact page is decoded and checked before it is staged). */
export type FetchBootstrapPage = (position: BootstrapPosition) => Promise<BootstrapAnswer>;

/** What a bootstrap did. */
export interface BootstrapOutcome {
  /** Pages fetched by this call (a resumed bootstrap fetched the others before). */
  pages: number;
  /** Records swapped into the mirror. */
  records: number;
  /** The position the pull continues from. */
  snapshot: string;
}

/**
 * Runs (or resumes) a bootstrap to completion. If the server no longer knows the pinned position,
 * the staged pages are dropped and the bootstrap starts again once; any other error leaves the
 * staged pages for the next attempt, and the cache as it was.
 *
 * Pipelined: while page N is staged, page N+1 (whose position page N names) is already being
 * fetched. Pages are still staged one at a time and in order, each with the position of the next,
 * so a crash resumes exactly as before. A prefetch that a failed stage abandons is awaited (its
 * outcome dropped) before the error is thrown: nothing outlives the call, and no rejection goes unhandled.
 */
export async function bootstrapCache(cache: Pick<CaseCache, 'bootstrap'>, fetchPage: FetchBootstrapPage): Promise<BootstrapOutcome> {
  let progress = await cache.bootstrap.progress();
  let restarted = false;
  let pages = 0;
  // The fetch of the page at `progress.next`, started while the previous page was staged.
  let ahead: Promise<BootstrapResponse> | null = null;
  for (;;) {
    if (progress?.next === null) {
      const records = await cache.bootstrap.swapIn();
      return { pages, records, snapshot: progress.snapshot };
    }
    let page: BootstrapResponse;
    try {
      page = await (ahead ?? fetchDecoded(fetchPage, progress ? { snapshot: progress.snapshot, ...progress.next } : null));
    } catch (error) {
      if (error instanceof CodedError && error.code === 'reset_required' && progress && !restarted) {
        restarted = true;
        ahead = null;
        await cache.bootstrap.discard();
        progress = null;
        continue;
      }
      throw error;
    }
    const following = page.next === null ? null : prefetch(fetchPage, { snapshot: page.snapshot, ...page.next });
    try {
      await cache.bootstrap.stage(page);
    } catch (error) {
      await following?.then(() => undefined, () => undefined);
      throw error;
    }
    ahead = following;
    pages += 1;
    progress = { snapshot: page.snapshot, next: page.next };
  }
}

// A page as records: a compact page is decoded (and every record checked) as soon as it arrives, so a
// prefetched page is decoded while the page before it is staged; a malformed one fails like its fetch.
async function fetchDecoded(fetchPage: FetchBootstrapPage, position: BootstrapPosition): Promise<BootstrapResponse> {
  return bootstrapPageOf(await fetchPage(position));
}

// Starts a fetch whose rejection counts as handled until it is awaited (it may be abandoned first).
function prefetch(fetchPage: FetchBootstrapPage, position: BootstrapPosition): Promise<BootstrapResponse> {
  const started = fetchDecoded(fetchPage, position);
  started.catch(() => undefined);
  return started;
}
