/**
 * One server migration under test (STYLE: migrate to N-1, insert rows, migrate to N, check the rows):
 * each test gets a fresh database migrated to the migration before the one under test.
 */
import { Migrator, sql } from 'kysely';
import { afterEach, beforeEach, expect } from 'vitest';
import { serverMigrationProvider } from '../../db/server/migrations/index.ts';
import { openServerDb, type ServerDb } from '../../server/db/connect.ts';
import { createTestDatabase, type TestDatabase } from './test-databases.ts';

/** What a migration test works with; `db` is the current test's database. */
export interface ServerMigrationUnderTest {
  readonly db: ServerDb['db'];
  /** Migrates up or down to `name`, failing the test on any error. */
  migrateTo(name: string): Promise<void>;
  /** The column names of `table` as the database has them now (none when the table does not exist). */
  columnsOf(table: string): Promise<string[]>;
  /** The names of the indexes on `table` as the database has them now, sorted (primary-key indexes included). */
  indexesOf(table: string): Promise<string[]>;
}

/** Registers the per-test set-up: a fresh `dialect` database at migration `before`, dropped afterwards. */
export function useServerMigration(dialect: Parameters<typeof createTestDatabase>[0], before: string): ServerMigrationUnderTest {
  let database: TestDatabase | null = null;
  let opened: ServerDb | null = null;
  let migrator: Migrator | null = null;
  const migrateTo = async (name: string): Promise<void> => {
    const { error } = await migrator!.migrateTo(name);
    expect(error).toBeUndefined();
  };
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    opened = openServerDb(database.config);
    migrator = new Migrator({ db: opened.db, provider: serverMigrationProvider });
    await migrateTo(before);
  });
  afterEach(async () => {
    await opened?.close();
    await database?.drop();
  });
  return {
    get db() {
      return opened!.db;
    },
    migrateTo,
    columnsOf: async (table) => (await opened!.db.introspection.getTables()).find((t) => t.name === table)?.columns.map((c) => c.name) ?? [],
    async indexesOf(table) {
      const query = dialect === 'sqlite'
        ? sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ${table}`
        : sql<{ name: string }>`SELECT indexname AS name FROM pg_indexes WHERE tablename = ${table}`;
      return (await query.execute(opened!.db)).rows.map((r) => r.name).sort();
    },
  };
}
