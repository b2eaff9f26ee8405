/** Brings the cache up to date: a bootstrap when it has never been filled, then pull pages until current. */
import { CodedError } from '../../domain/errors.ts';
import type { PullResponse } from '../../domain/http/sync-schemas.ts';
import type { CaseCache } from '../cache/case-cache.ts';
import { bootstrapCache, type FetchBootstrapPage } from './bootstrap-cache.ts';

/** Fetches one page after a cursor. */
export type FetchPullPage = (cursor: string) => Promise<PullResponse>;

/** How the cache reaches the server. */
export interface PullSource {
  pull: FetchPullPage;
  bootstrap: FetchBootstrapPage;
  /** Told when a bootstrap starts, so the status can say the offline copy is being prepared. */
  onBootstrap?: () => void;
}

/** What a pull did: pages applied, whether a bootstrap ran and why, and the server's last applied mutation id for our client. */
export interface PullOutcome {
  pages: number;
  /** True when the cache was (re)filled by a bootstrap. */
  bootstrapped: boolean;
  /** True when the server asked for a fresh start. */
  reset: boolean;
  lastMutationId: number;
}

/**
 * A cache without a cursor (never filled, or a bootstrap interrupted) is bootstrapped first. Then
 * pages are applied one by one, each with its cursor in one transaction, so a crash resumes where it
 * stopped. A `reset_required` answer starts a new bootstrap, once; the cache keeps its old content
 * until the new one is complete. (The outbox is never part of the mirror, so no local change is lost.)
 */
export async function pullUntilCurrent(cache: CaseCache, source: PullSource): Promise<PullOutcome> {
  let pages = 0;
  let reset = false;
  let bootstrapped = false;
  const bootstrap = async () => {
    source.onBootstrap?.();
    await bootstrapCache(cache, source.bootstrap);
    bootstrapped = true;
  };
  if ((await cache.cursor()) === null || (await cache.bootstrap.progress()) !== null) {
    await bootstrap();
  }
  for (;;) {
    let page: PullResponse;
    try {
      page = await source.pull((await cache.cursor()) ?? '0');
    } catch (error) {
      if (error instanceof CodedError && error.code === 'reset_required' && !reset) {
        reset = true;
        await cache.bootstrap.discard();
        await bootstrap();
        continue;
      }
      throw error;
    }
    await cache.applyPullPage(page);
    pages += 1;
    if (!page.hasMore) {
      return { pages, bootstrapped, reset, lastMutationId: page.lastMutationId };
    }
  }
}
