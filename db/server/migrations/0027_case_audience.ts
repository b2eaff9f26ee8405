/**
 * 0027: the case list's audience rows (docs/access.md, "The case list's audience rows"). One row
 * per principal a case's sharing admits, with the case's `updated_at`, so a user's authorized list
 * walks an index of their principals instead of evaluating the visibility filter case by case.
 * Existing cases are backfilled with the same SQL every write runs.
 */
import { sql, type Kysely } from 'kysely';
import { writeCaseAudience } from '../case-audience.ts';

/** Creates `case_audience` with its list index and backfills every case. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('case_audience')
    .addColumn('principal', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_audience_pk', ['principal', 'case_id'])
    .execute();
  await sql`CREATE INDEX case_audience_list_idx ON case_audience (principal, updated_at, case_id)`.execute(db);
  // Refreshing a case deletes by case id: without this index each write would scan the table.
  await sql`CREATE INDEX case_audience_case_idx ON case_audience (case_id)`.execute(db);
  await writeCaseAudience(db, 'all');
}

/** Drops the table and its indexes. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_audience').execute();
}
