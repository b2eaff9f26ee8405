/**
 * 0018: a heartbeat on audit export jobs (docs/audit.md, "Exports"). A running job touches
 * `heartbeat_at` as it works, so a server starting up can tell a job whose node died (no heartbeat
 * for longer than the timeout) from one still running elsewhere, fail it and remove its partial file.
 */
import type { Kysely } from 'kysely';

/** Adds `audit_exports.heartbeat_at` (null for jobs from before it). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_exports').addColumn('heartbeat_at', 'text').execute();
}

/** Drops the column again. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_exports').dropColumn('heartbeat_at').execute();
}
