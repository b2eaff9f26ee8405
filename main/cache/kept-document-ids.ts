/**
 * Which of these stored document files the cache still needs: a cached document's, or a queued
 * upload's (docs/sync.md, "Documents"; its row may be absent between a bootstrap swap and the
 * re-application of pending changes). Used by the orphan sweeps, so they never take a file that
 * has not reached the server yet.
 */
import { sql, type Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';

/** The subset of `ids` the cache still needs. */
export async function keptDocumentIds(db: Kysely<CacheDatabase>, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) {
    return new Set();
  }
  const cached = await db.selectFrom('documents').select('id').where('id', 'in', ids).execute();
  const queued = await db.selectFrom('outbox').select(sql<string>`json_extract(args, '$.documentId')`.as('id'))
    .where('name', '=', 'document.upload').where('state', '=', 'pending')
    .where(sql`json_extract(args, '$.documentId')`, 'in', ids).execute();
  return new Set([...cached, ...queued].map((r) => r.id));
}
