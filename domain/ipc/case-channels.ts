/** IPC channels over the cached cases: the practitioner's queue, one case's detail and the offline searches. */
import { z } from 'zod';
import { IdSchema } from '../ids.ts';
import { CaseStatusSchema, CaseTypeSchema, RiskLevelSchema } from '../vocabulary.ts';
import { CaseChronologySchema } from './case-chronology.ts';
import { CaseDetailViewSchema } from './case-detail-view.ts';
import { defineChannel } from './channel.ts';
import { QueueChoicesSchema, QueuePageSchema } from './queue-page.ts';
import { CaseSearchResultSchema, SearchInputSchema } from './search-results.ts';

/** The longest text filter the queue takes (a reference or a few words of a title). */
export const QUEUE_FILTER_MAX = 200;

/**
 * The queue's tabs: `my_tasks` (an open task assigned to me or one of my teams), `my_cases` (I own it),
 * `team_cases` (one of my teams owns it), `shared_with_agency` (another agency's case shared with mine),
 * `all` (everything I can see) and `recent` (changed in the last 7 days).
 */
export const QUEUE_TABS = ['my_tasks', 'my_cases', 'team_cases', 'shared_with_agency', 'all', 'recent'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];
export const QueueTabSchema = z.enum(QUEUE_TABS);

/** The columns the queue sorts by. */
export const QUEUE_SORTS = ['updated', 'reference', 'title', 'type', 'owner', 'status', 'risk', 'review'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const QueueSortSchema = z.enum(QUEUE_SORTS);

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
export const SortDirectionSchema = z.enum(SORT_DIRECTIONS);

/** The queue's input; every field has a default, so `{}` is the whole queue, newest first. */
export const QueueInputSchema = z.object({
  filter: z.string().max(QUEUE_FILTER_MAX).default(''),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
  tab: QueueTabSchema.default('all'),
  caseType: CaseTypeSchema.optional(),
  status: CaseStatusSchema.optional(),
  riskLevel: RiskLevelSchema.optional(),
  /** Open cases whose review date is before today. */
  overdue: z.boolean().default(false),
  ownerAgencyId: IdSchema.optional(),
  sort: QueueSortSchema.default('updated'),
  direction: SortDirectionSchema.default('desc'),
});

export const CaseTypeListSchema = z.object({
  caseTypes: z.array(z.object({ code: CaseTypeSchema, label: z.string(), active: z.boolean() })),
});
/** The case types in the offline copy, by name; `active` false once retired (never offered for a new case). */
export type CaseTypeList = z.infer<typeof CaseTypeListSchema>;

export const caseChannels = {
  /** The case types from the offline copy: the new-case form's choices and every screen's labels (names no case, so not audited). */
  'cases.types': defineChannel({ input: z.null(), output: CaseTypeListSchema, needsSession: true }),
  'cases.queue': defineChannel({ input: QueueInputSchema, output: QueuePageSchema, needsSession: true }),
  /** What the queue's filters offer: the case types and owner agencies of the cached cases. */
  'cases.queueChoices': defineChannel({ input: z.null(), output: QueueChoicesSchema, needsSession: true }),
  /** One case from the offline copy; `not_found` when it is not there (never synced, or no longer visible). */
  'cases.detail': defineChannel({ input: z.object({ caseId: IdSchema }).strict(), output: CaseDetailViewSchema, needsSession: true }),
  /** Everything on the case in time order, newest first, from the offline copy (a read of the case, audited like opening it). */
  'cases.chronology': defineChannel({ input: z.object({ caseId: IdSchema }).strict(), output: CaseChronologySchema, needsSession: true }),
  'cases.search': defineChannel({ input: SearchInputSchema, output: CaseSearchResultSchema, needsSession: true }),
} as const;
