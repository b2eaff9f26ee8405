/** Display names of cached persons by id, for lists that carry only ids (notifications). */
import type { Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';

/** `given family` per id the cache holds; ids it does not hold are absent. */
export async function queryPersonNames(db: Kysely<CacheDatabase>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db.selectFrom('persons').select(['id', 'given_name', 'family_name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, `${r.given_name} ${r.family_name}`.trim()]));
}
