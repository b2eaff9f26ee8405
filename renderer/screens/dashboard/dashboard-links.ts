/** Where a Dashboard figure leads: the queue's URL with the matching tab and filters (as the queue itself writes them). */
import type { QueueSearch } from '../queue/queue-search.ts';

/** The hash URL of the queue showing `search`. */
export function queueHref(search: QueueSearch): string {
  const params = new URLSearchParams(Object.entries(search).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  return `#/queue?${params.toString()}`;
}
