/**
 * 0010: when each device last pulled, and an index to count a device's recent reported reads.
 * Reads a desktop reports from its offline copy may be at most one offline lease older than its
 * last sync, and a device may report only so many a minute (server/audit/record-client-events.ts).
 */
import type { Kysely } from 'kysely';

/** Adds `devices.last_pulled_at` (ISO time; null: never pulled) and the receipts' (device, time) index. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('devices').addColumn('last_pulled_at', 'text').execute();
  await db.schema.createIndex('client_audit_events_device_received').on('client_audit_events').columns(['device_id', 'received_at']).execute();
}

/** Drops the index and the column. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('client_audit_events_device_received').execute();
  await db.schema.alterTable('devices').dropColumn('last_pulled_at').execute();
}
