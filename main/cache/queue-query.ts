/** The practitioner's case queue, read from the cache: a tab, filters, text, a sort, paged. */
import { sql, type CompiledQuery, type Kysely, type RawBuilder } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import type { QueueSort, QueueTab, SortDirection } from '../../domain/ipc/case-channels.ts';
import type { QueueChoices, QueuePage } from '../../domain/ipc/contract.ts';
import type { CaseStatus, CaseType, RiskLevel } from '../../domain/vocabulary.ts';
import { batchColumn, executeBatch } from '../cache-worker/query-batch.ts';
import { compileOnce } from '../../db/compile-once.ts';
import { shortGramToken } from '../../db/cache/short-grams.ts';
import { activeMarkerTypes, caseMarkersQuery, type CaseMarkerRow } from './case-marker-types.ts';

/** Whom "my", "my team's" and "my agency" mean: the signed-in user. */
export interface QueueViewer {
  userId: string;
  teamIds: readonly string[];
  agencyId: string;
}

/** What the queue is asked for; everything past `offset` is optional and defaults to the whole queue, newest first. */
export interface QueueQuery {
  filter: string;
  limit: number;
  offset: number;
  tab?: QueueTab | undefined;
  caseType?: CaseType | undefined;
  status?: CaseStatus | undefined;
  riskLevel?: RiskLevel | undefined;
  overdue?: boolean | undefined;
  ownerAgencyId?: string | undefined;
  sort?: QueueSort | undefined;
  direction?: SortDirection | undefined;
  /** Needed by the `my_tasks`, `my_cases`, `team_cases` and `shared_with_agency` tabs. */
  viewer?: QueueViewer | undefined;
  /** The clock for `recent` and `overdue` (default: now). */
  now?: Date | undefined;
}

/** How far back the `recent` tab looks. */
export const RECENT_DAYS = 7;
/** Task statuses that count as open for the `my_tasks` tab. */
const OPEN_TASK_STATUSES = ['open', 'in_progress'];

/** The shortest filter the trigram index can serve: shorter ones hold no trigram, so they ask `case_short_grams` (see `queryQueue`). */
export const TRIGRAM_MIN_CHARS = 3;

/**
 * A text filter's total is exact up to this many matches, or up to the end of the page asked for if
 * that is further; past it the page says only "more than" (`totalCapped`). Counting every one of
 * 25,000 matches costs more than reading the page, and nobody pages through them: they refine the filter.
 */
export const QUEUE_COUNT_CAP = 1000;

// A page costs about (offset + limit) * cases / matches index steps when it walks the queue index, and
// about matches * SORT_STEP_COST steps when it fetches every match by rowid and sorts them.
const SORT_STEP_COST = 4;

type PageQuery = ReturnType<typeof pageQuery>;
type QueueRows = Awaited<ReturnType<PageQuery['execute']>>;

// Case types ordered by the label people see (the synced `case_types`), not by code; an unknown code by itself.
const TYPE_ORDER = sql`coalesce(case_types.label, cases.case_type) collate nocase`;
const RISK_ORDER = sql`(case cases.risk_level when 'low' then 0 when 'medium' then 1 when 'high' then 2 when 'very_high' then 3 end)`;

/**
 * Each sort's key, ascending. The id breaks ties, so a page never shows a row twice or skips one, and
 * descending is exactly ascending reversed (so one index serves both). `updated` ascends by time with
 * the newer id first, so that its descending order (the default) keeps the queue index's `id ASC`.
 */
const SORT_KEYS: Record<QueueSort, { key: RawBuilder<unknown>; idDesc?: boolean }> = {
  updated: { key: sql`cases.updated_at`, idDesc: true },
  reference: { key: sql`cases.reference` },
  title: { key: sql`cases.title collate nocase` },
  type: { key: TYPE_ORDER },
  owner: { key: sql`agencies.name collate nocase` },
  status: { key: sql`cases.status` },
  risk: { key: RISK_ORDER },
  // No review date sorts after every date, either way round.
  review: { key: sql`coalesce(cases.review_date, '9999-12-31')` },
};

// The page without its filter, in the asked order (newest first by default, by the queue index).
function pageQuery(db: Kysely<CacheDatabase>, limit: number, offset: number, sort: QueueSort = 'updated', direction: SortDirection = 'desc') {
  const { key, idDesc = false } = SORT_KEYS[sort];
  const idDirection = (direction === 'desc') !== idDesc ? 'desc' : 'asc';
  const keyDirection = direction === 'desc' ? sql`desc` : sql`asc`;
  return db
    .selectFrom('cases')
    .leftJoin('agencies', 'agencies.id', 'cases.owner_agency_id')
    .leftJoin('case_types', 'case_types.id', 'cases.case_type')
    .select(['cases.id', 'cases.reference', 'cases.title', 'cases.case_type', 'case_types.label as case_type_label', 'agencies.name as agency_name',
      'cases.status', 'cases.risk_level', 'cases.review_date', 'cases.updated_at'])
    .orderBy(sql`${key} ${keyDirection}`)
    .orderBy('cases.id', idDirection)
    .limit(limit)
    .offset(offset);
}

/** The local calendar date of `now`, as review dates are written (YYYY-MM-DD). */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The tab and the filters as one condition on `cases`, or null when they ask for everything. */
function scopeOf(q: QueueQuery): RawBuilder<boolean> | null {
  const now = q.now ?? new Date();
  const parts: RawBuilder<unknown>[] = [];
  const tab = q.tab ?? 'all';
  if (tab !== 'all' && tab !== 'recent' && q.viewer === undefined) {
    throw new Error(`The ${tab} tab needs the signed-in user.`);
  }
  const teams = (v: QueueViewer) => (v.teamIds.length > 0 ? sql.join([...v.teamIds]) : sql`select null where 0`);
  const viewer = q.viewer!;
  switch (tab) {
    case 'all':
      break;
    case 'recent':
      parts.push(sql`cases.updated_at >= ${new Date(now.getTime() - RECENT_DAYS * 86_400_000).toISOString()}`);
      break;
    case 'my_cases':
      parts.push(sql`cases.owner_user_id = ${viewer.userId}`);
      break;
    case 'team_cases':
      parts.push(sql`cases.owner_team_id in (${teams(viewer)})`);
      break;
    case 'shared_with_agency':
      // Another agency's case shared with mine (as the access policy reads `shared`).
      parts.push(sql`(cases.owner_agency_id <> ${viewer.agencyId} and cases.sharing_level = 'shared'
        and exists (select 1 from json_each(cases.shared_agency_ids) where json_each.value = ${viewer.agencyId}))`);
      break;
    case 'my_tasks':
      parts.push(sql`cases.id in (select tasks.case_id from tasks where tasks.status in (${sql.join(OPEN_TASK_STATUSES)})
        and (tasks.assignee_user_id = ${viewer.userId} or tasks.assignee_team_id in (${teams(viewer)})))`);
      break;
  }
  if (q.caseType !== undefined) {
    parts.push(sql`cases.case_type = ${q.caseType}`);
  }
  if (q.status !== undefined) {
    parts.push(sql`cases.status = ${q.status}`);
  }
  if (q.riskLevel !== undefined) {
    parts.push(sql`cases.risk_level = ${q.riskLevel}`);
  }
  if (q.overdue === true) {
    // A closed case is not due for review.
    parts.push(sql`(cases.status = 'open' and cases.review_date < ${localDate(now)})`);
  }
  if (q.ownerAgencyId !== undefined) {
    parts.push(sql`cases.owner_agency_id = ${q.ownerAgencyId}`);
  }
  return parts.length === 0 ? null : sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/**
 * Reads one page of the queue with its total. The filter matches anywhere in the reference or title
 * (case-insensitive), a case type by its label, or the owning agency by name. The reference/title
 * condition goes through an index and the total counts the matching rowids with no scan of `cases`:
 * from three characters on the `case_trigram` index; one or two characters, which hold no trigram,
 * through `case_short_grams`, the index of every one- and two-character piece (db/cache/short-grams.ts).
 *
 * On the cache worker's handle the statements go as batches (executeBatch): the whole queue in one round
 * trip, a text filter in two (the types and agencies it names with its count, then the page), the page's
 * markers always in the page's own batch. Rows are not validated here: the `cases.queue`
 * channel validates the page once where it leaves for the renderer (docs/architecture.md).
 */
export async function queryQueue(db: Kysely<CacheDatabase>, query: QueueQuery): Promise<QueuePage> {
  const { filter, limit, offset } = query;
  const text = filter.trim();
  const needle = text.toLowerCase();
  const pattern = `%${needle.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const scope = scopeOf(query);
  // The page's markers, read in the page's batch from its id column (statement `page`): one statement text per place.
  const markers = (page = 0) => compileOnce(db, `queue markers ${page}`, {}, (d) => caseMarkersQuery(d, batchColumn(page, 'id')));
  if (needle.length === 0 && scope === null) {
    // The whole queue, the screen's first page: its shape depends on the sort only, so it is compiled once.
    const { sort = 'updated', direction = 'desc' } = query;
    const [rows, [counted], found] = await executeBatch(db, [
      compileOnce(db, `queue page ${sort} ${direction}`, { limit, offset }, (d, v) => pageQuery(d, v.limit, v.offset, sort, direction).compile()),
      compileOnce(db, 'queue count', {}, (d) => countQuery(d, null).compile()),
      markers(),
    ]);
    return queuePage(rows, Number(counted?.n ?? 0), found, query);
  }
  const scoped = scope === null ? pageQuery(db, limit, offset, query.sort, query.direction)
    : pageQuery(db, limit, offset, query.sort, query.direction).where(scope);
  if (needle.length === 0) {
    const [rows, [counted], found] = await executeBatch(db, [scoped.compile(), countQuery(db, scope).compile(), markers()]);
    return queuePage(rows, Number(counted?.n ?? 0), found, query);
  }
  // People type the label they see ("domestic abuse"), so match labels to type codes here.
  const typesQuery = db.selectFrom('case_types').select('id').where(contains('case_types.label', pattern)).compile();
  const agenciesQuery = db.selectFrom('agencies').select('id').where(contains('agencies.name', pattern)).compile();
  const queueOrder = (query.sort ?? 'updated') === 'updated' && (query.direction ?? 'desc') === 'desc';
  // Three characters or more go through the trigram index; one or two, which hold no trigram, through their pieces' index.
  const byText = [...text].length < TRIGRAM_MIN_CHARS
    ? sql<{ rid: number }>`select rowid as rid from case_short_grams where case_short_grams match ${trigramPhrase(shortGramToken(text))}`
    : sql<{ rid: number }>`select rowid as rid from case_trigram where case_trigram match ${trigramPhrase(text)}`;
  const condition = await byTextIndex(db, { text, byText, pattern, typesQuery, agenciesQuery, limit, offset, scope, queueOrder });
  if (condition === null) {
    return { total: 0, totalCapped: false, rows: [] };
  }
  // Matches fetched by rowid are ranked by their sort key first, and only the page's own rows are then
  // joined and read whole: sorting every match's full row cost about 40 % more with ~750 matches.
  const page = condition.byRowid
    ? pageQuery(db, limit, 0, query.sort, query.direction).where('cases.rid', 'in', scoped.where(condition.where).clearSelect().select('cases.rid'))
    : scoped.where(condition.where);
  const [rows, found] = await executeBatch(db, [page.compile(), markers()]);
  return queuePage(rows, condition.total, found, query);
}

/** A text filter's total as the page reports it: exact, or "more than `total`" when `totalCapped`. */
type FilterTotal = { total: number; totalCapped: boolean };

// The page's count cap: QUEUE_COUNT_CAP, or the end of the page asked for if further.
function displayCap(limit: number, offset: number): number {
  return Math.max(QUEUE_COUNT_CAP, offset + limit);
}

// `counted` stopped at exactUpTo + 1, so anything above exactUpTo means "more than exactUpTo" (and so more than cap).
function cappedTotal(counted: number, cap: number, exactUpTo: number): FilterTotal {
  return counted > exactUpTo ? { total: cap, totalCapped: true } : { total: counted, totalCapped: false };
}

// The page as the renderer receives it.
function queuePage(rows: QueueRows, total: number | FilterTotal, markerRows: readonly CaseMarkerRow[], query: QueueQuery): QueuePage {
  const markers = activeMarkerTypes(markerRows, query.now ?? new Date());
  return {
    ...(typeof total === 'number' ? { total, totalCapped: false } : total),
    rows: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      caseType: r.case_type,
      caseTypeLabel: r.case_type_label ?? r.case_type,
      ownerAgencyName: r.agency_name ?? 'Unknown agency',
      status: r.status as CaseStatus,
      riskLevel: r.risk_level as RiskLevel,
      reviewDate: r.review_date,
      updatedAt: r.updated_at,
      markerTypes: markers.get(r.id) ?? [],
    })),
  };
}

/**
 * A text filter: the total counts index lookups (`byText`, the trigram phrase or the short piece, then the case type and owner
 * agency indexes for the types whose label and the agencies whose name match, found in the same batch and
 * read by the count as JSON lists). With a tab or a filter (`scope`) the total counts the matching rows that
 * also fit it, and a sort other than the queue's own fetches the matches by rowid and sorts them. The count
 * stops past the page's cap (displayCap), or past the density at which walking the queue index beats
 * sorting the matches, if that is further, so the choice below is the one a full count would make. Two
 * round trips: the labels, agencies and count, then the page. Answers the total, the page's condition and
 * whether the page fetches the matches by rowid (rather than walking the queue index), or null when nothing matches.
 */
async function byTextIndex(
  db: Kysely<CacheDatabase>,
  { text, byText, pattern, typesQuery, agenciesQuery, limit, offset, scope, queueOrder }: {
    text: string; byText: RawBuilder<{ rid: number }>; pattern: string; typesQuery: CompiledQuery<{ id: string }>; agenciesQuery: CompiledQuery<{ id: string }>;
    limit: number; offset: number; scope: RawBuilder<boolean> | null; queueOrder: boolean;
  },
): Promise<{ where: RawBuilder<boolean>; total: FilterTotal; byRowid: boolean } | null> {
  // The matching types and agencies, as the batch's statements 0 and 1 answer them (JSON lists; often empty).
  // Each arm is driven from its list (CROSS JOIN keeps that order), so an empty list costs nothing whatever
  // the planner's statistics say about the type and agency indexes.
  const typeList = sql`json_each(${batchColumn(0, 'id')})`;
  const agencyList = sql`json_each(${batchColumn(1, 'id')})`;
  const ofType = sql`select c.rid from ${typeList} t cross join cases c on c.case_type = t.value`;
  const ofAgency = sql`select c.rid from ${agencyList} a cross join cases c on c.owner_agency_id = a.value`;
  // Each match once: the phrase's rowids, then the cases of a matching type the phrase did not find, then
  // those of a matching agency found by neither. An arm reads the rowids it must leave out only once it
  // reaches a case, and tests each case by its rowid, so it never reads a case's row.
  const disjoint = sql`${byText}
    union all ${ofType} where c.rid not in (${byText})
    union all ${ofAgency} where c.rid not in (${byText} union all ${ofType})`;
  // With a scope, IN makes a set of the matches (the arms may repeat a case there, the set does not).
  const counted = scope === null ? disjoint
    : sql`select cases.rid from cases where cases.rid in (${byText} union all ${ofType} union all ${ofAgency}) and ${scope}`;
  // How far to count (displayCap, or the density at which walking beats sorting if further): `span`, the
  // highest rid, stands in for the number of cases without counting them. The matches' rowids come back as
  // one JSON list, so a page of every match reads them again without the index.
  const reach = offset + limit;
  const countQuery = sql<{ n: number; rids: string; span: number; count_to: number }>`
    with bound as (select coalesce(max(rid), 0) as span from cases),
    reach as (select span, max(${displayCap(limit, offset)}, cast(ceil(sqrt(span * ${reach} / cast(${SORT_STEP_COST} as real))) as integer)) as count_to from bound)
    select count(*) as n, json_group_array(rid) as rids, (select span from reach) as span, (select count_to from reach) as count_to
    from (${counted} limit (select count_to from reach) + 1)`.compile(db);
  const [types, agencies, [stats]] = await executeBatch(db, [typesQuery, agenciesQuery, countQuery]);
  const n = Number(stats?.n ?? 0);
  if (n === 0 || stats === undefined) {
    return null;
  }
  const span = Number(stats.span);
  const countTo = Number(stats.count_to);
  const matchingTypes = types.map((t) => t.id);
  const matchingAgencies = agencies.map((a) => a.id);
  const others = [
    ...(matchingTypes.length > 0 ? [sql`select rid from cases where case_type in (${sql.join(matchingTypes)})`] : []),
    ...(matchingAgencies.length > 0 ? [sql`select rid from cases where owner_agency_id in (${sql.join(matchingAgencies)})`] : []),
  ];
  // Sparse matches: fetch them by rowid and sort only those. Dense matches: walk the queue index in order
  // and stop after the page, testing each row walked (reading every match into a list would cost more
  // than the whole page).
  const dense = reach * span < SORT_STEP_COST * n * n;
  const walk = queueOrder && scope === null && dense;
  const where = walk
    ? walkedRowMatches(text, pattern, byText, matchingTypes, matchingAgencies)
    : n <= countTo
      ? sql<boolean>`cases.rid in (select value from json_each(${stats.rids}))`
      : sql<boolean>`cases.rid in (${sql.join([byText, ...others], sql` union all `)})`;
  return { where, total: cappedTotal(n, displayCap(limit, offset), countTo), byRowid: !walk };
}

/**
 * The filter as one FTS5 phrase: inside double quotes every character is text (`*`, `-`, `^`, `(`, `:`,
 * `NEAR`, `AND`, `OR`), and a typed `"` is doubled. The trigram tokenizer turns the phrase into its
 * consecutive trigrams, so it matches exactly where the text occurs as a substring. It also quotes a short
 * piece's token (hex digits) for `case_short_grams`.
 */
export function trigramPhrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * The test for one row walked in queue order, meaning exactly what the count counted. For typed ASCII the
 * index's match (trigram or short piece) is the ASCII-case-insensitive LIKE on any row whose reference and
 * title are ASCII; a row holding other characters (which both indexes case-fold, e.g. "K" as "k") asks the index
 * instead, and that list is read only if such a row is walked. Other typed text always asks the index
 * (the unary + keeps SQLite walking the queue index rather than driving by the rowid list).
 */
function walkedRowMatches(text: string, pattern: string, byText: RawBuilder<unknown>, types: string[], agencies: string[]): RawBuilder<boolean> {
  const others = [
    ...(types.length > 0 ? [sql`cases.case_type in (${sql.join(types)})`] : []),
    ...(agencies.length > 0 ? [sql`cases.owner_agency_id in (${sql.join(agencies)})`] : []),
  ];
  const both = sql`cases.reference || cases.title`;
  const byTextHere = /^[\x20-\x7e]*$/.test(text)
    ? sql`(${contains('cases.reference', pattern)} or ${contains('cases.title', pattern)}
      or (length(${both}) <> length(cast(${both} as blob)) and +cases.rid in (${byText})))`
    : sql`+cases.rid in (${byText})`;
  return sql<boolean>`(${sql.join([byTextHere, ...others], sql` or `)})`;
}

// The number of cases in the tab and filters (the caller adds the text condition, if any).
function countQuery(db: Kysely<CacheDatabase>, scope: RawBuilder<boolean> | null) {
  const all = db.selectFrom('cases');
  return (scope === null ? all : all.where(scope)).select((eb) => eb.fn.countAll<number>().as('n'));
}

/** What the queue's filters offer: the case types of the cached cases (labelled, in label order) and their owner agencies by name. */
export async function queueChoices(db: Kysely<CacheDatabase>): Promise<QueueChoices> {
  const [types, agencies] = await Promise.all([
    db.selectFrom('case_types').select(['id', 'label']).where('id', 'in', db.selectFrom('cases').select('case_type').distinct()).execute(),
    db.selectFrom('agencies').select(['id', 'name'])
      .where('id', 'in', db.selectFrom('cases').select('owner_agency_id').distinct())
      .orderBy(sql`name collate nocase`).orderBy('id').execute(),
  ]);
  // Labels come from the synced case types; a code not synced yet is left out rather than shown unlabelled.
  const caseTypes = types.map((t) => ({ code: t.id, label: t.label })).sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
  return { caseTypes, ownerAgencies: agencies };
}

// LIKE with an explicit escape character, so a typed % or _ matches itself. LIKE folds ASCII case by itself
// and SQLite's lower() folds nothing else, so the column is compared as it is: lower() only made a copy of
// each value (a fifth of a walked page's time).
function contains(column: string, pattern: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}
