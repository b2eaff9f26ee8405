/**
 * 0008: a per-user cut-off for access tokens. Access tokens are stateless for 15 minutes; when an
 * admin resets a user's second factor, tokens issued before that moment must stop working at once,
 * or a holder of one could enrol their own authenticator on the account.
 */
import type { Kysely } from 'kysely';

/** Adds `users.sessions_valid_after` (ISO time; null: every unexpired token counts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('sessions_valid_after', 'text').execute();
}

/** Drops the column. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('sessions_valid_after').execute();
}
