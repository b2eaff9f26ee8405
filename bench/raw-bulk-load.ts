/**
 * The bulk-load limit for `npm run bench:cache`: the same synced records written straight into the
 * mirror tables with raw prepared statements in one transaction (FTS triggers included), with none
 * of sync's fetching, parsing, staging or swapping.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { SyncChange } from '../domain/http/sync-schemas.ts';
import { rowOf } from '../main/cache/upsert-change.ts';

/** Writes `changes` into the mirror tables; returns how many rows went in. */
export function bulkLoadRaw(sqlite: Database.Database, changes: readonly SyncChange[]): number {
  const statements = new Map<string, Database.Statement>();
  const statementFor = (table: string, columns: readonly string[]) => {
    const key = `${table}(${columns.join(',')})`;
    let statement = statements.get(key);
    if (!statement) {
      const update = columns.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`).join(', ');
      statement = sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT(id) DO UPDATE SET ${update}`);
      statements.set(key, statement);
    }
    return statement;
  };
  const load = sqlite.transaction(() => {
    for (const change of changes) {
      const { table, row } = rowOf(change);
      const columns = Object.keys(row);
      statementFor(table, columns).run(...columns.map((c) => (row as Record<string, unknown>)[c]));
    }
  });
  load();
  return changes.length;
}
