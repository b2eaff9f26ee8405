/**
 * 0012: the hash of the set-up token handed out with a pending authenticator-app secret. A pending
 * enrolment may then be replaced only by whoever holds that token (or after an admin reset), not
 * by anyone who knows the password.
 */
import type { Kysely } from 'kysely';

/** Adds `users.totp_setup_hash` (SHA-256 hex of the token; null: no password set-up is pending). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('totp_setup_hash', 'text').execute();
}

/** Drops the column. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('totp_setup_hash').execute();
}
