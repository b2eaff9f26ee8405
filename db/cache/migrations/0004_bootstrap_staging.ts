/**
 * 0004: where a bootstrap collects its pages until it is complete. The records wait here (inside
 * the encrypted file) and replace the mirror in one transaction, so the user never works on a
 * half-filled cache; the progress (snapshot, phase, position) is a `meta` key written with each page.
 */
import type { Kysely } from 'kysely';

/** Creates the staging table. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('bootstrap_staged')
    .addColumn('rid', 'integer', (c) => c.primaryKey())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    /** The whole sync change as JSON, exactly as the server sent it. */
    .addColumn('data', 'text', (c) => c.notNull())
    .addUniqueConstraint('bootstrap_staged_record', ['entity', 'id'])
    .execute();
}

/** Drops the staging table. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('bootstrap_staged').execute();
}
