/**
 * 0006: the audit outbox — reads the desktop answered from its offline copy (a case opened, a
 * search, a document handed out), waiting to be reported to the server's audit trail. Not part of
 * the mirror: a bootstrap swap or a reset leaves it alone.
 */
import type { Kysely } from 'kysely';

/** Creates `audit_outbox`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_outbox')
    // The rowid: the order the reads happened in, which is the order they are reported in.
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('client_event_id', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
}

/** Drops the table (and with it any reads not yet reported: only ever run in tests). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_outbox').execute();
}
