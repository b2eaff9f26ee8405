/** The queue's place in the URL (`#/queue?q=…&page=…`): what a link, Back and Forward restore. */
import { z } from 'zod';
import { QUEUE_FILTER_MAX } from '../../../domain/ipc/case-channels.ts';

/**
 * The text filter and the 1-based page. A hand-edited or stale URL never breaks the screen: a value
 * that does not fit falls back to "no filter" or the first page.
 */
export const QueueSearchSchema = z.object({
  q: z.string().max(QUEUE_FILTER_MAX).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});

/** The queue's URL search, as validated. */
export type QueueSearch = z.infer<typeof QueueSearchSchema>;

/** The search for a filter and page, leaving out defaults so the URL stays short. */
export function queueSearch(filter: string, page: number): QueueSearch {
  return { q: filter === '' ? undefined : filter, page: page > 1 ? page : undefined };
}
