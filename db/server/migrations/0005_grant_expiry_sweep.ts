/**
 * 0005: marks when a grant's expiry was written to the change log, so visibility that lapses with
 * time (not with a write) still reaches desktops as a removal.
 */
import type { Kysely } from 'kysely';

/** Adds `access_grants.expiry_recorded_at`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('access_grants').addColumn('expiry_recorded_at', 'text').execute();
  await db.schema.createIndex('access_grants_expiry_idx').on('access_grants').columns(['expiry_recorded_at', 'expires_at']).execute();
}

/** Drops the index (SQLite cannot portably drop the column). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('access_grants_expiry_idx').execute();
}
