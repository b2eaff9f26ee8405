/** Makes deleted cache content physically go: FTS5 merges and a truncating WAL checkpoint. */
import { sql, type Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import type { SearchIndex } from './remove-records.ts';

/**
 * Merges each FTS5 index into one segment. A delete only records a tombstone; the deleted terms
 * stay in older segments until they are merged, and `secure_delete` then zeroes the freed pages.
 */
export async function mergeSearchIndexes(db: Kysely<CacheDatabase>, indexes: Iterable<SearchIndex>): Promise<void> {
  for (const index of indexes) {
    await sql`INSERT INTO ${sql.table(index)} (${sql.ref(index)}) VALUES ('optimize')`.execute(db);
  }
}

/**
 * Copies the WAL into the database and truncates it to zero bytes, so removed content no longer
 * sits in old frames. Returns false when a reader kept it from completing (retry after the next page).
 */
export async function checkpointWal(db: Kysely<CacheDatabase>): Promise<boolean> {
  const { rows } = await sql<{ busy: number; log: number; checkpointed: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  return rows[0]?.busy === 0;
}
