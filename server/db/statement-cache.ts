/**
 * Kysely's SQLite driver prepares every query's SQL again on every call; on small queries (the
 * user and device checks every authenticated request makes) preparing costs more than running.
 * This hands the driver a database whose `prepare` keeps the most recently used statements by SQL
 * text. Safe on the one connection Kysely's SQLite driver serialises all queries through: a
 * statement is never used by two queries at once, and SQLite re-prepares it after a schema change.
 */
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { SqliteDatabase } from 'kysely';

/** A Kysely `SqliteDatabase` over `sqlite` that reuses up to `max` prepared statements (least recently used go first). */
export function withStatementCache(sqlite: Database, max = 500): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= max) {
          cache.delete(cache.keys().next().value!);
        }
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
