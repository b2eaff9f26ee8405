/**
 * 0007: the last TOTP time step accepted for each user, so a code works once: a sign-in (or
 * confirmation) must use a step strictly later than the one before (RFC 6238 §5.2).
 */
import type { Kysely } from 'kysely';

/** Adds `users.totp_last_step` (null: no code accepted since the factor was set up). */
export async function up(db: Kysely<unknown>): Promise<void> {
  // A step is seconds / 30: about 5.9e7 today, far inside a 32-bit integer on both dialects.
  await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
}

/** Drops the column (a plain column without index or constraint, which SQLite can drop). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('totp_last_step').execute();
}
