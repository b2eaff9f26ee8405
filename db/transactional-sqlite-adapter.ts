/**
 * SQLite runs DDL inside transactions, but Kysely's SQLite adapter says it does not, so its
 * Migrator would apply each statement on its own: a crash mid-migration then leaves a half-built
 * schema that never upgrades. This adapter says the truth, so all pending migrations apply in one
 * transaction — all or nothing — on the server's embedded database and the desktop cache alike.
 */
import { SqliteAdapter, SqliteDialect } from 'kysely';

/** Kysely's SQLite adapter with transactional DDL. */
export class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** Kysely's SQLite dialect (better-sqlite3) with transactional migrations. */
export class TransactionalSqliteDialect extends SqliteDialect {
  override createAdapter(): TransactionalSqliteAdapter {
    return new TransactionalSqliteAdapter();
  }
}
