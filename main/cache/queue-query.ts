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

/** Reads one page of the queue with its total; the filter matches reference, title, type and agency. */
export async function queryQueue(db: Kysely<CacheDatabase>, { filter, limit, offset }: QueueQuery): Promise<QueuePage> {
  const needle = filter.trim().toLowerCase();
  const pattern = `%${needle.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  // People type the label they see ("domestic abuse"), so match labels to type codes here.
  const matchingTypes = CASE_TYPES.filter((t) => CASE_TYPE_LABELS[t].toLowerCase().includes(needle));
  // The filter touches `cases` only (the agency name through a subquery on the small agencies table), so the
  // total counts over the narrow queue index with no join, and the page walks that index in order.
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
      .$if(needle.length > 0, (qb) => qb.where((eb) => matches(eb)))
      .select(['cases.id', 'cases.reference', 'cases.title', 'cases.case_type', 'agencies.name as agency_name', 'cases.status', 'cases.risk_level', 'cases.updated_at'])
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

// LIKE with an explicit escape character, so a typed % or _ matches itself.
function contains(column: string, pattern: string): RawBuilder<boolean> {
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
