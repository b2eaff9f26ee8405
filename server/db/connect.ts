/** Opens the server database: embedded SQLite (optionally encrypted) or PostgreSQL. */
import { dirname } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, PostgresDialect } from 'kysely';
import { TransactionalSqliteDialect } from '../../db/transactional-sqlite-adapter.ts';
import pg from 'pg';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { DatabaseConfig } from '../context/config.ts';
import { makePrivateDir, touchPrivateFile } from './data-dir.ts';
import { withStatementCache } from './statement-cache.ts';

// PostgreSQL returns bigint (int8) as strings; our sequences stay far below 2^53, so read them as numbers.
pg.types.setTypeParser(20, (value) => Number(value));

/** An open server database and how to close it. */
export interface ServerDb {
  db: Kysely<ServerDatabase>;
  dialect: DatabaseConfig['dialect'];
  close(): Promise<void>;
}

/** Opens the database the configuration names. */
export function openServerDb(config: DatabaseConfig): ServerDb {
  if (config.dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    // An idle client's connection can drop (server restart, failover, admin termination); without a
    // listener node-postgres would raise it as an uncaught exception and stop the API. The pool
    // discards the broken client and opens a new one on the next query.
    pool.on('error', (error: Error & { code?: string }) => {
      process.emitWarning(`PostgreSQL idle connection lost (${error.code ?? error.name}); it will be replaced.`);
    });
    const db = new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  if (config.file !== ':memory:') {
    makePrivateDir(dirname(config.file));
    // Created 0600 before SQLite opens it: SQLite gives the WAL and SHM files the database's mode.
    touchPrivateFile(config.file);
  }
  const sqlite = new Database(config.file);
  if (config.key) {
    sqlite.pragma("cipher='sqlcipher'");
    sqlite.pragma('legacy=4');
    sqlite.pragma(`key="x'${config.key}'"`);
  }
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // Deleted rows are overwritten, not just unlinked: an erased case leaves no bytes in free space (docs/audit.md).
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<ServerDatabase>({ dialect: new TransactionalSqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}
