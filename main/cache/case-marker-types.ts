/** The kinds of active warning on each of some cases (on the case, its people or its places): the queue row's marker indicator. */
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import type { BatchColumn } from '../cache-worker/query-batch.ts';
import { MARKER_TYPES, type MarkerType } from '../../domain/vocabulary.ts';
import { isMarkerActive } from './marker-active.ts';

/** One marker on a case, its people or its places, before the expiry test. */
export interface CaseMarkerRow {
  case_id: string;
  marker_type: string;
  expires_at: string | null;
}

/**
 * The markers on the cases `caseIds` (a list, or an earlier statement's id column in the same batch), on
 * the case itself, its people and its places. The ids travel as one JSON array, so the statement's text
 * is the same for any number of cases (one prepared statement).
 */
export function caseMarkersQuery(db: Kysely<CacheDatabase>, caseIds: readonly string[] | BatchColumn): CompiledQuery<CaseMarkerRow> {
  const ids = sql`(select value from json_each(${Array.isArray(caseIds) ? JSON.stringify(caseIds) : caseIds}))`;
  return sql<CaseMarkerRow>`
    select m.subject_id as case_id, m.marker_type, m.expires_at from markers m where m.subject_type = 'case' and m.subject_id in ${ids}
    union all
    select cs.case_id, m.marker_type, m.expires_at from markers m join case_subjects cs on cs.person_id = m.subject_id
      where m.subject_type = 'person' and cs.case_id in ${ids}
    union all
    select cl.case_id, m.marker_type, m.expires_at from markers m join case_locations cl on cl.location_id = m.subject_id
      where m.subject_type = 'location' and cl.case_id in ${ids}`.compile(db);
}

/** For each case with an active marker at `at`, its distinct marker types in vocabulary order (staff safety first). */
export function activeMarkerTypes(rows: readonly CaseMarkerRow[], at: Date): Map<string, MarkerType[]> {
  const found = new Map<string, Set<string>>();
  for (const row of rows) {
    if (isMarkerActive(row.expires_at, at)) {
      found.set(row.case_id, (found.get(row.case_id) ?? new Set()).add(row.marker_type));
    }
  }
  return new Map([...found].map(([caseId, types]) => [caseId, MARKER_TYPES.filter((t) => types.has(t))]));
}
