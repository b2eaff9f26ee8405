/** The kinds of active warning on each of some cases (on the case, its people or its places): the queue row's marker indicator. */
import { sql, type Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { MARKER_TYPES, type MarkerType } from '../../domain/vocabulary.ts';
import { isMarkerActive } from './marker-active.ts';

/** For each case of `caseIds` with an active marker, its distinct marker types in vocabulary order (staff safety first). */
export async function caseMarkerTypes(db: Kysely<CacheDatabase>, caseIds: readonly string[], at: Date): Promise<Map<string, MarkerType[]>> {
  const found = new Map<string, Set<string>>();
  if (caseIds.length === 0) {
    return found as unknown as Map<string, MarkerType[]>;
  }
  const ids = sql.join([...caseIds]);
  const rows = await sql<{ case_id: string; marker_type: string; expires_at: string | null }>`
    select m.subject_id as case_id, m.marker_type, m.expires_at from markers m where m.subject_type = 'case' and m.subject_id in (${ids})
    union all
    select cs.case_id, m.marker_type, m.expires_at from markers m join case_subjects cs on cs.person_id = m.subject_id
      where m.subject_type = 'person' and cs.case_id in (${ids})
    union all
    select cl.case_id, m.marker_type, m.expires_at from markers m join case_locations cl on cl.location_id = m.subject_id
      where m.subject_type = 'location' and cl.case_id in (${ids})`.execute(db);
  for (const row of rows.rows) {
    if (isMarkerActive(row.expires_at, at)) {
      found.set(row.case_id, (found.get(row.case_id) ?? new Set()).add(row.marker_type));
    }
  }
  return new Map([...found].map(([caseId, types]) => [caseId, MARKER_TYPES.filter((t) => types.has(t))]));
}
