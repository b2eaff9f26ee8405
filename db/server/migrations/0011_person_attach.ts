/**
 * 0011: attaching a person seen only as a signpost stub (docs/access.md). `case_subjects.profile_only`
 * marks a link made by someone who did not hold the full record: seeing the person only through such
 * links reveals the minimal profile, never more. `notifications` tells the person's owner agency.
 */
import type { Kysely } from 'kysely';

/** Adds `case_subjects.profile_only` and creates `notifications`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Existing links were all made by users who saw the full record (adding needed a findable person,
  // and before this migration any link revealed everything): they keep that meaning.
  await db.schema.alterTable('case_subjects').addColumn('profile_only', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('from_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notifications_agency_idx').on('notifications').columns(['agency_id', 'created_at']).execute();
}

/** Drops the table and the column. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notifications').execute();
  await db.schema.alterTable('case_subjects').dropColumn('profile_only').execute();
}
