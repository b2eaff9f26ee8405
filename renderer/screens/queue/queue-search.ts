/**
 * The queue's place in the URL (`#/queue?tab=…&type=…&status=…&risk=…&overdue=1&owner=…&sort=…&dir=…&q=…&page=…`):
 * what a link, Back and Forward restore.
 */
import { z } from 'zod';
import { QUEUE_FILTER_MAX, QueueSortSchema, QueueTabSchema, SortDirectionSchema } from '../../../domain/ipc/case-channels.ts';
import type { ChannelInput } from '../../../domain/ipc/contract.ts';
import { CaseStatusSchema, CaseTypeSchema, RiskLevelSchema } from '../../../domain/vocabulary.ts';

/**
 * The tab, filters, sort, text filter and 1-based page. A hand-edited or stale URL never breaks the
 * screen: a value that does not fit falls back to its default (all cases, no filter, newest first, page 1).
 */
export const QueueSearchSchema = z.object({
  tab: QueueTabSchema.optional().catch(undefined),
  type: CaseTypeSchema.optional().catch(undefined),
  status: CaseStatusSchema.optional().catch(undefined),
  risk: RiskLevelSchema.optional().catch(undefined),
  // The router reads `overdue=1` as the number 1; anything else means "not only overdue".
  overdue: z.literal(1).optional().catch(undefined),
  owner: z.uuid().optional().catch(undefined),
  sort: QueueSortSchema.optional().catch(undefined),
  dir: SortDirectionSchema.optional().catch(undefined),
  q: z.string().max(QUEUE_FILTER_MAX).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});

/** The queue's URL search, as validated. */
export type QueueSearch = z.infer<typeof QueueSearchSchema>;

/** What the queue's list shows, without the page: a change to any of it starts again at page 1. */
export type QueueView = Omit<QueueSearch, 'page'>;

/**
 * The search after `change`, leaving out defaults so the URL stays short. Changing what is shown (tab,
 * filters, sort, text) goes back to the first page; only `page` moves the page.
 */
export function queueSearch(current: QueueSearch, change: Partial<QueueSearch>): QueueSearch {
  const next: QueueSearch = { ...current, ...change };
  const movesView = Object.keys(change).some((key) => key !== 'page');
  const page = movesView ? 1 : (next.page ?? 1);
  const clean: QueueSearch = {
    tab: next.tab === 'all' ? undefined : next.tab,
    type: next.type,
    status: next.status,
    risk: next.risk,
    overdue: next.overdue,
    owner: next.owner,
    sort: next.sort,
    dir: next.dir,
    q: next.q === '' ? undefined : next.q,
    page: page > 1 ? page : undefined,
  };
  return Object.fromEntries(Object.entries(clean).filter(([, value]) => value !== undefined));
}

/** The `cases.queue` input for a search (defaults left out, so the query key stays as short as the URL). */
export function queueInput(search: QueueSearch, limit: number, offset: number): ChannelInput<'cases.queue'> {
  return {
    filter: search.q ?? '', limit, offset,
    ...(search.tab !== undefined && { tab: search.tab }),
    ...(search.type !== undefined && { caseType: search.type }),
    ...(search.status !== undefined && { status: search.status }),
    ...(search.risk !== undefined && { riskLevel: search.risk }),
    ...(search.overdue === 1 && { overdue: true }),
    ...(search.owner !== undefined && { ownerAgencyId: search.owner }),
    ...(search.sort !== undefined && { sort: search.sort }),
    ...(search.dir !== undefined && { direction: search.dir }),
  };
}
