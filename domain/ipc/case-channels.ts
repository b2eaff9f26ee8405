/** IPC channels over the cached cases: the practitioner's queue, one case's detail and the offline searches. */
import { z } from 'zod';
import { IdSchema } from '../ids.ts';
import { CaseDetailViewSchema } from './case-detail-view.ts';
import { defineChannel } from './channel.ts';
import { QueuePageSchema } from './queue-page.ts';
import { CaseSearchResultSchema, SearchInputSchema } from './search-results.ts';

/** The longest text filter the queue takes (a reference or a few words of a title). */
export const QUEUE_FILTER_MAX = 200;

export const caseChannels = {
  'cases.queue': defineChannel({
    input: z.object({
      filter: z.string().max(QUEUE_FILTER_MAX).default(''),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    output: QueuePageSchema,
    needsSession: true,
  }),
  /** One case from the offline copy; `not_found` when it is not there (never synced, or no longer visible). */
  'cases.detail': defineChannel({ input: z.object({ caseId: IdSchema }).strict(), output: CaseDetailViewSchema, needsSession: true }),
  'cases.search': defineChannel({ input: SearchInputSchema, output: CaseSearchResultSchema, needsSession: true }),
} as const;
