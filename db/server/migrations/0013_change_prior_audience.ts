/**
 * 0013: each `access` or `delete` change keeps who could see the records it affects just before it
 * (`change_log.prior`, JSON the pure policy reads), so a pull sends a removal only to a user who
 * could see the record. Changes logged before this migration have none: `change_seq.prior_floor`
 * holds the position they end at, and a pull from a cursor below it must bootstrap again.
 */
import { sql, type Kysely } from 'kysely';

/** Adds `change_log.prior` and `change_seq.prior_floor` (set to the current position). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('change_log').addColumn('prior', 'text').execute();
  await db.schema.alterTable('change_seq').addColumn('prior_floor', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update change_seq set prior_floor = seq`.execute(db);
}

/** Drops both columns. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('change_seq').dropColumn('prior_floor').execute();
  await db.schema.alterTable('change_log').dropColumn('prior').execute();
}
