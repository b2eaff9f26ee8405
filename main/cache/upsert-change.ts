/** Upserts synced records into their mirror tables, batched (the FTS triggers follow the rows). */
import { sql, type Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import type { SyncChange } from '../../domain/http/sync-schemas.ts';
import {
  accessRequestRow, agencyRow, caseLocationRow, caseRow, caseSubjectRow, caseTypeRow, documentRow, locationRow, markerRow, personRow, reportRow, settingRow,
  taskRow,
} from './mirror-rows.ts';

/** A mirror-table row as built by mirror-rows.ts. */
type MirrorRow = { readonly id: string };

/** Every table keyed by the server's `id`. */
type MirrorTable = Exclude<keyof CacheDatabase, 'meta' | 'outbox' | 'sync_conflicts' | 'bootstrap_staged'>;

// Rows per INSERT: a 17-column row uses 17 bound variables; 100 rows stay far below SQLite's limit.
const ROWS_PER_INSERT = 100;

/**
 * Multi-row INSERT … ON CONFLICT(id) DO UPDATE SET col = excluded.col (never INSERT OR REPLACE: the
 * row keeps its `rid`, so its FTS rowid stays put). One statement per 100 rows instead of one per row.
 */
async function upsertRows(db: Kysely<CacheDatabase>, table: MirrorTable, rows: MirrorRow[]): Promise<void> {
  // Kysely cannot check a generic table name; each row was built by a typed mapper in mirror-rows.ts.
  const untyped = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const name: string = table;
  for (let at = 0; at < rows.length; at += ROWS_PER_INSERT) {
    const chunk = rows.slice(at, at + ROWS_PER_INSERT) as Array<Record<string, unknown>>;
    const columns = Object.keys(chunk[0]!).filter((c) => c !== 'id');
    const update = Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)]));
    await untyped.insertInto(name).values(chunk).onConflict((oc) => oc.column('id').doUpdateSet(update)).execute();
  }
}

/** The table and row of one change (changes are whole records, never diffs). */
export function rowOf(change: SyncChange): { table: MirrorTable; row: MirrorRow } {
  switch (change.entity) {
    case 'agency':
      return { table: 'agencies', row: agencyRow(change.data) };
    case 'case':
      return { table: 'cases', row: caseRow(change.data) };
    case 'person':
      return { table: 'persons', row: personRow(change.data) };
    case 'case_subject':
      return { table: 'case_subjects', row: caseSubjectRow(change.data) };
    case 'location':
      return { table: 'locations', row: locationRow(change.data) };
    case 'case_location':
      return { table: 'case_locations', row: caseLocationRow(change.data) };
    case 'report':
      return { table: 'reports', row: reportRow(change.data) };
    case 'task':
      return { table: 'tasks', row: taskRow(change.data) };
    case 'marker':
      return { table: 'markers', row: markerRow(change.data) };
    case 'access_request':
      return { table: 'access_requests', row: accessRequestRow(change.data) };
    case 'document':
      return { table: 'documents', row: documentRow(change.data) };
    case 'case_type':
      return { table: 'case_types', row: caseTypeRow(change.data) };
    case 'setting':
      return { table: 'settings', row: settingRow(change.data) };
  }
}

/**
 * Upserts a page's changes, batched per table. A record listed twice keeps its last (newest) version:
 * one statement may not update the same row twice. No foreign keys tie the tables, so order between tables is free.
 */
export async function upsertChanges(db: Kysely<CacheDatabase>, changes: readonly SyncChange[]): Promise<void> {
  const latest = new Map<string, { table: MirrorTable; row: MirrorRow }>();
  for (const change of changes) {
    const entry = rowOf(change);
    const key = `${entry.table}:${entry.row.id}`;
    latest.delete(key); // re-insert so Map order follows the last occurrence
    latest.set(key, entry);
  }
  const byTable = new Map<MirrorTable, MirrorRow[]>();
  for (const { table, row } of latest.values()) {
    byTable.set(table, [...(byTable.get(table) ?? []), row]);
  }
  for (const [table, rows] of byTable) {
    await upsertRows(db, table, rows);
  }
}
