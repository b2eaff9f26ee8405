/** IPC channels over the cached cases: the practitioner's queue and the offline searches. */
import { z } from 'zod';
import { defineChannel } from './channel.ts';
import { QueuePageSchema } from './queue-page.ts';
import { CaseSearchResultSchema, PersonSearchResultSchema, SearchInputSchema } from './search-results.ts';

export const caseChannels = {
  'cases.queue': defineChannel({
    input: z.object({
      filter: z.string().max(200).default(''),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    output: QueuePageSchema,
    needsSession: true,
  }),
  'cases.search': defineChannel({ input: SearchInputSchema, output: CaseSearchResultSchema, needsSession: true }),
  'persons.search': defineChannel({ input: SearchInputSchema, output: PersonSearchResultSchema, needsSession: true }),
} as const;
