/**
 * 0017: audit export jobs (docs/audit.md, "Exports"). The row is the job's state, shared by every
 * server node: progress, cancellation (a job stops when its row is no longer `running`) and, once
 * complete, the file's row count and SHA-256. The file and its manifest live under the data dir.
 */
import { sql, type Kysely } from 'kysely';

/** Creates `audit_exports`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('audit_exports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('format', 'text', (c) => c.notNull().check(sqlIn('format', ['csv', 'xlsx'])))
    .addColumn('filters', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['running', 'complete', 'failed', 'cancelled', 'removed'])))
    .addColumn('rows_written', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_total', 'integer', (c) => c.notNull().defaultTo(0))
    // The newest event the export may hold: events appended while it runs (its own included) are left out.
    .addColumn('through_seq', 'bigint', (c) => c.notNull())
    .addColumn('byte_length', 'integer')
    .addColumn('sha256', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  // An officer's own exports, newest first.
  await db.schema.createIndex('audit_exports_user_created').on('audit_exports').columns(['user_id', 'created_at']).execute();
}

/** Drops the table. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_exports').execute();
}

function sqlIn(column: string, values: readonly string[]) {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}
