/**
 * 0009: the ids of the reads desktops reported from their offline copies (POST /audit/client-events),
 * per user, so a report replayed after a lost answer records nothing twice.
 */
import type { Kysely } from 'kysely';

/** Creates `client_audit_events`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Keyed per user: a desktop chooses the id, so one user's ids can never shadow another's events.
  await db.schema.createTable('client_audit_events')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('client_event_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('client_audit_events_pk', ['user_id', 'client_event_id'])
    .execute();
}

/** Drops the table. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('client_audit_events').execute();
}
