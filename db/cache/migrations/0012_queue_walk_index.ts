/**
 * 0012: the queue index carries each case's reference and title. A text filter with many matches walks
 * this index in queue order and tests each case it passes (main/cache/queue-query.ts); with both
 * columns in the index SQLite tests a case without reading its row, and reads the row only for the
 * cases the page shows. Most cases walked do not match, so a dense filter's page costs about half.
 */
import { sql, type Kysely } from 'kysely';

/** Rebuilds `cases_queue_idx` with the reference and title after its keys. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX cases_queue_idx`.execute(db);
  await sql`CREATE INDEX cases_queue_idx ON cases (updated_at DESC, id ASC, reference, title)`.execute(db);
}

/** Back to the keys alone. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX cases_queue_idx`.execute(db);
  await sql`CREATE INDEX cases_queue_idx ON cases (updated_at DESC, id ASC)`.execute(db);
}
