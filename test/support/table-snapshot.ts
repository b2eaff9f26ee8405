/** Snapshots every table's rows, to prove a request changed nothing (same code on SQLite and PostgreSQL). */
import { sql, type Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';

/** Per table: its rows as sorted JSON lines, so any insert, update or delete shows up. */
export type TableSnapshot = Record<string, string[]>;

/**
 * Tables a refused request may still write to, by design: the audit log records failed sign-ins
 * and refused access (docs/audit.md) and moves its hash-chain head; login_attempts feeds lockout.
 */
export const ATTEMPT_TABLES = ['audit_events', 'audit_head', 'login_attempts'];

/** Every table's rows, except the attempt-recording ones. */
export async function snapshotTables(db: Kysely<ServerDatabase>): Promise<TableSnapshot> {
  const tables = (await db.introspection.getTables()).map((t) => t.name).filter((n) => !ATTEMPT_TABLES.includes(n)).sort();
  const out: TableSnapshot = {};
  for (const name of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    out[name] = rows.rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).sort();
  }
  return out;
}

/** What disappeared or changed between two snapshots (new rows allowed): table → rows no longer there. */
export function lostRows(before: TableSnapshot, after: TableSnapshot): Record<string, string[]> {
  const lost: Record<string, string[]> = {};
  for (const [table, rows] of Object.entries(before)) {
    const now = new Set(after[table] ?? []);
    const missing = rows.filter((r) => !now.has(r));
    if (missing.length > 0 || !(table in after)) {
      lost[table] = missing;
    }
  }
  return lost;
}
