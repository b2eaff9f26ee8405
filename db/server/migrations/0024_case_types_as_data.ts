/**
 * 0024: case types as data that reaches desktops, and the system settings (docs/decisions.md).
 * Case type names become unique (whatever their case), and every existing case type is logged in
 * the change log once, so a desktop that synced before this release pulls the list like any record.
 * `system_settings` holds the settings a system admin changes, such as the task escalation days.
 */
import { sql, type Kysely } from 'kysely';

/** Adds the unique name index, logs the case types and creates `system_settings`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE UNIQUE INDEX case_types_label_idx ON case_types (lower(label))`.execute(db);
  const at = new Date().toISOString();
  const types = await sql<{ code: string }>`SELECT code FROM case_types ORDER BY code`.execute(db);
  for (const { code } of types.rows) {
    // The counter row's lock orders this with any writer, as `nextSeq` does.
    await sql`UPDATE change_seq SET seq = seq + 1 WHERE id = 1`.execute(db);
    await sql`INSERT INTO change_log (seq, entity, entity_id, op, case_id, at)
      SELECT seq, 'case_type', ${code}, 'upsert', NULL, ${at} FROM change_seq WHERE id = 1`.execute(db);
  }
  await db.schema.createTable('system_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('set_by', 'text')
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();
}

/** Drops the settings and the index; the change-log rows stay (the log is append-only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('system_settings').execute();
  await sql`DROP INDEX case_types_label_idx`.execute(db);
}
