/** Case references and titles by id, for lists that carry only ids (access requests). */
import type { Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';

/** `reference — title` per id the cache holds; ids it does not hold are absent. */
export async function queryCaseLabels(db: Kysely<CacheDatabase>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db.selectFrom('cases').select(['id', 'reference', 'title']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, `${r.reference} — ${r.title}`]));
}
