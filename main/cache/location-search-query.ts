/** Substring search over the cached places (a few thousand at most: a LIKE scan, bounded by the limit). */
import { sql, type Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import type { LocationSearchResult } from '../../domain/ipc/location-channels.ts';

/** `%`, `_` and the escape itself are taken literally. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Places whose address, town or postcode holds `text` (case-insensitive; a postcode matches with or without its space). */
export async function searchLocations(db: Kysely<CacheDatabase>, text: string, limit: number): Promise<LocationSearchResult> {
  const pattern = `%${literal(text.trim().toLowerCase())}%`;
  const compact = `%${literal(text.replace(/\s+/g, '').toLowerCase())}%`;
  const rows = await db.selectFrom('locations').select(['id', 'address_line', 'town', 'postcode'])
    .where((eb) => eb.or([
      eb(sql`lower(address_line)`, 'like', sql`${pattern} escape '\\'`),
      eb(sql`lower(town)`, 'like', sql`${pattern} escape '\\'`),
      eb(sql`lower(replace(postcode, ' ', ''))`, 'like', sql`${compact} escape '\\'`),
    ]))
    .orderBy('address_line').orderBy('postcode').orderBy('id').limit(limit).execute();
  return { hits: rows.map((r) => ({ id: r.id, address: [r.address_line, r.town, r.postcode].filter((p) => p !== '').join(', ') })) };
}
