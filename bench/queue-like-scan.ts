/**
 * The queue query as it was before the trigram index (0007), kept for `npm run bench:cache` only:
 * the reference/title condition is `lower(column) LIKE '%x%'`, so every filtered page and its total
 * scan `cases`. The benchmark times it next to `queryQueue` on the same cache, in the same run.
 */
import { sql, type ExpressionBuilder, type Kysely, type RawBuilder } from 'kysely';
import type { CacheDatabase } from '../db/cache/schema.ts';
import { QueueRowSchema, type QueuePage } from '../domain/ipc/contract.ts';
import { CASE_TYPE_LABELS, CASE_TYPES } from '../domain/vocabulary.ts';
import type { QueueQuery } from '../main/cache/queue-query.ts';

/** One page and the total, the LIKE-scan way (parsed like `queryQueue`'s, so only the query differs). */
export async function queueByLikeScan(db: Kysely<CacheDatabase>, { filter, limit, offset }: QueueQuery): Promise<QueuePage> {
  const needle = filter.trim().toLowerCase();
  const pattern = `%${needle.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const matchingTypes = CASE_TYPES.filter((t) => CASE_TYPE_LABELS[t].toLowerCase().includes(needle));
  const matches = (eb: ExpressionBuilder<CacheDatabase, 'cases'>) =>
    eb.or([
      contains('cases.reference', pattern),
      contains('cases.title', pattern),
      eb('cases.owner_agency_id', 'in', eb.selectFrom('agencies').select('agencies.id').where(contains('agencies.name', pattern))),
      ...(matchingTypes.length > 0 ? [eb('cases.case_type', 'in', matchingTypes)] : []),
    ]);
  const [rows, total] = await Promise.all([
    db
      .selectFrom('cases')
      .leftJoin('agencies', 'agencies.id', 'cases.owner_agency_id')
      .leftJoin('case_types', 'case_types.id', 'cases.case_type')
      .$if(needle.length > 0, (qb) => qb.where((eb) => matches(eb)))
      .select(['cases.id', 'cases.reference', 'cases.title', 'cases.case_type', 'case_types.label as case_type_label', 'agencies.name as agency_name', 'cases.status', 'cases.risk_level', 'cases.review_date', 'cases.updated_at'])
      .orderBy('cases.updated_at', 'desc')
      .orderBy('cases.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('cases')
      .$if(needle.length > 0, (qb) => qb.where((eb) => matches(eb)))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(total.n),
    totalCapped: false,
    rows: rows.map((r) => QueueRowSchema.parse({
      id: r.id, reference: r.reference, title: r.title, caseType: r.case_type, caseTypeLabel: r.case_type_label ?? r.case_type, ownerAgencyName: r.agency_name ?? 'Unknown agency',
      status: r.status, riskLevel: r.risk_level, reviewDate: r.review_date, updatedAt: r.updated_at,
    })),
  };
}

function contains(column: string, pattern: string): RawBuilder<boolean> {
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
