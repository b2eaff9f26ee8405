/**
 * PostgreSQL role separation (docs/audit.md, "Who may change the trail"): migrations run as the
 * owner role, and the API connects as a role granted only what it needs. On the audit tables that
 * is SELECT and INSERT (and moving the audit head forward); not being their owner, it cannot drop
 * or disable their triggers, and without TRUNCATE, UPDATE or DELETE it cannot rewrite them.
 */
import { sql, type Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';

/** Tables the API may read and append to, never change. */
export const APPEND_ONLY_TABLES = ['audit_events', 'client_audit_events'] as const;

/** The login role a PostgreSQL URL connects as. */
export function roleOfUrl(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/** Grants `role` the API's rights over the schema as migrated; run as the owner after every migration. */
export async function grantApiRole(db: Kysely<ServerDatabase>, role: string): Promise<void> {
  const r = sql.id(role);
  await sql`grant usage on schema public to ${r}`.execute(db);
  await sql`grant select, insert, update, delete on all tables in schema public to ${r}`.execute(db);
  await sql`grant usage, select on all sequences in schema public to ${r}`.execute(db);
  // Only the owner changes the schema's record of itself.
  await sql`revoke insert, update, delete, truncate on kysely_migration, kysely_migration_lock from ${r}`.execute(db);
  for (const table of APPEND_ONLY_TABLES) {
    await sql`revoke update, delete, truncate, trigger, references on ${sql.table(table)} from ${r}`.execute(db);
  }
  // The head row moves forward with every event (its trigger refuses a rewind); it is never removed.
  await sql`revoke delete, truncate, trigger, references on audit_head from ${r}`.execute(db);
}
