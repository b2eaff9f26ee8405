/** The practitioner's case queue, read from the cache: filter, newest first, paged. */
import { sql, type ExpressionBuilder, type Kysely, type RawBuilder } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { QueueRowSchema, type QueuePage } from '../../domain/ipc/contract.ts';
import { CASE_TYPE_LABELS, CASE_TYPES } from '../../domain/vocabulary.ts';

/** What the queue is asked for. */
export interface QueueQuery {
  filter: string;
  limit: number;
  offset: number;
}

/** The shortest filter the trigram index can serve: shorter ones hold no trigram, so they scan (see `queryQueue`). */
export const TRIGRAM_MIN_CHARS = 3;

// A page costs about (offset + limit) * cases / matches index steps when it walks the queue index, and
// about matches * SORT_STEP_COST steps when it fetches every match by rowid and sorts them.
const SORT_STEP_COST = 4;

type Cases = ExpressionBuilder<CacheDatabase, 'cases'>;
type PageQuery = ReturnType<typeof pageQuery>;
type QueueRows = Awaited<ReturnType<PageQuery['execute']>>;

// The page without its filter: newest first, by the queue index.
function pageQuery(db: Kysely<CacheDatabase>, limit: number, offset: number) {
  return db
    .selectFrom('cases')
    .leftJoin('agencies', 'agencies.id', 'cases.owner_agency_id')
    .select(['cases.id', 'cases.reference', 'cases.title', 'cases.case_type', 'agencies.name as agency_name', 'cases.status', 'cases.risk_level', 'cases.updated_at'])
    .orderBy('cases.updated_at', 'desc')
    .orderBy('cases.id')
    .limit(limit)
    .offset(offset);
}

/**
 * Reads one page of the queue with its total. The filter matches anywhere in the reference or title
 * (case-insensitive), a case type by its label, or the owning agency by name. From three characters on
 * the reference/title condition goes through the `case_trigram` index and the total counts the
 * matching rowids with no scan of `cases`; one or two characters hold no trigram, so they keep the
 * plain LIKE scan (such filters match most of the queue anyway, so the page stops early).
 */
export async function queryQueue(db: Kysely<CacheDatabase>, { filter, limit, offset }: QueueQuery): Promise<QueuePage> {
  const text = filter.trim();
  const needle = text.toLowerCase();
  const pattern = `%${needle.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  // People type the label they see ("domestic abuse"), so match labels to type codes here.
  const matchingTypes = CASE_TYPES.filter((t) => CASE_TYPE_LABELS[t].toLowerCase().includes(needle));
  const page = pageQuery(db, limit, offset);

  let rows: QueueRows;
  let total: number;
  if (needle.length === 0) {
    [rows, total] = await Promise.all([page.execute(), countAll(db)]);
  } else if ([...text].length < TRIGRAM_MIN_CHARS) {
    const matches = (eb: Cases) => eb.or([
      contains('cases.reference', pattern),
      contains('cases.title', pattern),
      eb('cases.owner_agency_id', 'in', eb.selectFrom('agencies').select('agencies.id').where(contains('agencies.name', pattern))),
      ...(matchingTypes.length > 0 ? [eb('cases.case_type', 'in', matchingTypes)] : []),
    ]);
    const [found, counted] = await Promise.all([
      page.where(matches).execute(),
      db.selectFrom('cases').where(matches).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    [rows, total] = [found, Number(counted.n)];
  } else {
    ({ rows, total } = await byTrigram(db, page, { text, pattern, matchingTypes, limit, offset }));
  }
  return {
    total,
    rows: rows.map((r) =>
      QueueRowSchema.parse({
        id: r.id,
        reference: r.reference,
        title: r.title,
        caseType: r.case_type,
        ownerAgencyName: r.agency_name ?? 'Unknown agency',
        status: r.status,
        riskLevel: r.risk_level,
        updatedAt: r.updated_at,
      }),
    ),
  };
}

/**
 * A 3+ character filter: the total counts index lookups (the trigram phrase, then the case type and owner
 * agency indexes when a label or an agency name matches; agencies are few, so they are resolved first).
 */
async function byTrigram(
  db: Kysely<CacheDatabase>, page: PageQuery,
  { text, pattern, matchingTypes, limit, offset }: { text: string; pattern: string; matchingTypes: string[]; limit: number; offset: number },
): Promise<{ rows: QueueRows; total: number }> {
  const agencies = (await db.selectFrom('agencies').select('id').where(contains('agencies.name', pattern)).execute()).map((a) => a.id);
  const byText = sql<{ rid: number }>`select rowid as rid from case_trigram where case_trigram match ${trigramPhrase(text)}`;
  const others = [
    ...(matchingTypes.length > 0 ? [sql`select rid from cases where case_type in (${sql.join(matchingTypes)})`] : []),
    ...(agencies.length > 0 ? [sql`select rid from cases where owner_agency_id in (${sql.join(agencies)})`] : []),
  ];
  // The count needs UNION (a case may match twice); an IN list is a set already, so UNION ALL does there.
  const hits = (union: RawBuilder<unknown>) => sql.join([byText, ...others], sql` ${union} `);
  const counted = others.length === 0
    ? sql`select count(*) from case_trigram where case_trigram match ${trigramPhrase(text)}`
    : sql`select count(*) from (${hits(sql`union`)})`;
  const { rows: [stats] } = await sql<{ total: number; span: number | null }>`
    select (${counted}) as total, (select max(rid) from cases) as span`.execute(db);
  const total = Number(stats?.total ?? 0);
  if (total === 0) {
    return { rows: [], total };
  }
  // Sparse matches: fetch them by rowid and sort only those. Dense matches: walk the queue index in order
  // and stop after the page, testing each row walked (reading every match into a list would cost more
  // than the whole page). `span` (the highest rid) stands in for the number of cases without counting them.
  const span = Number(stats?.span ?? 0);
  const walk = (offset + limit) * span < SORT_STEP_COST * total * total;
  const condition = walk ? walkedRowMatches(text, pattern, byText, matchingTypes, agencies) : sql<boolean>`cases.rid in (${hits(sql`union all`)})`;
  return { rows: await page.where(condition).execute(), total };
}

/**
 * The filter as one FTS5 phrase: inside double quotes every character is text (`*`, `-`, `^`, `(`, `:`,
 * `NEAR`, `AND`, `OR`), and a typed `"` is doubled. The trigram tokenizer turns the phrase into its
 * consecutive trigrams, so it matches exactly where the text occurs as a substring.
 */
export function trigramPhrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * The test for one row walked in queue order, meaning exactly what the count counted. For typed ASCII the
 * trigram match is the ASCII-case-insensitive LIKE on any row whose reference and title are ASCII; a row
 * holding other characters (which the trigram tokenizer case-folds, e.g. "K" as "k") asks the index
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

async function countAll(db: Kysely<CacheDatabase>): Promise<number> {
  const { n } = await db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

// LIKE with an explicit escape character, so a typed % or _ matches itself.
function contains(column: string, pattern: string): RawBuilder<boolean> {
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
