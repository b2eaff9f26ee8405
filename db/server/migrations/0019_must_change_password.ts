/**
 * 0019: a user must choose a new password at their next sign-in (docs/security.md, "Passwords").
 * An administrator sets it when creating an account or resetting a password; until it is cleared
 * the user gets no token, so nothing else is reachable.
 */
import { sql, type Kysely } from 'kysely';

/** Adds `users.must_change_password` (0 for every existing account). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(sql`0`)).execute();
}

/** Drops the column. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('must_change_password').execute();
}
