/**
 * 0010: people to review — a person this user recorded offline whom the server, at push, found to
 * be probably someone it already holds (docs/sync.md, "People to review"). Kept until the user
 * answers "use the existing person" or "keep as new". Not part of the mirror: a bootstrap swap or a
 * reset leaves it alone.
 */
import type { Kysely } from 'kysely';

/** Creates `person_reviews`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('person_reviews')
    .addColumn('person_id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('likely_matches', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

/** Drops the table (and with it any unanswered reviews: only ever run in tests). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('person_reviews').execute();
}
