/**
 * 0009: the case types and system settings the server sends (docs/decisions.md), so the queue's type
 * filter, the new-case form, labels and task escalation read them from the offline copy. They come
 * through sync like any record: the server logged every case type when it gained them (its 0024).
 */
import type { Kysely } from 'kysely';

/** Creates `case_types` (its code is the id) and `settings` (a setting's value as JSON). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_types')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

/** Drops them. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('settings').execute();
  await db.schema.dropTable('case_types').execute();
}
