/**
 * 0026: search terms and written justifications are kept apart from the hashed audit event, like an
 * update's old → new values (docs/audit.md, "What the audit trail holds after an erasure"). The
 * values row of an event gains the search's terms (JSON) and the justification as written; the event
 * commits to each with the row's salt, and an erasure deletes the rows that named what it erased.
 */
import type { Kysely } from 'kysely';

/** Adds `audit_event_values.terms` and `audit_event_values.justification`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_event_values').addColumn('terms', 'text').execute();
  await db.schema.alterTable('audit_event_values').addColumn('justification', 'text').execute();
}

/** Drops the rows that kept only terms or a justification (their events keep the commitments), then the columns. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await (db as Kysely<{ audit_event_values: { changes: string } }>).deleteFrom('audit_event_values').where('changes', '=', '{}').execute();
  await db.schema.alterTable('audit_event_values').dropColumn('justification').execute();
  await db.schema.alterTable('audit_event_values').dropColumn('terms').execute();
}
