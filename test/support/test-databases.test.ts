/**
 * The throwaway databases server suites start from: a copy of the run's migrated template is the same schema as a
 * database migrated from empty (rows included: both are snapshotted), each copy is a database of its own, and
 * the migration tests' databases stay empty.
 */
import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { serverMigrationProvider } from '../../db/server/migrations/index.ts';
import { openServerDb, type ServerDb } from '../../server/db/connect.ts';
import { migrateServerDb } from '../../server/db/migrate.ts';
import { buildAgency } from './factories.ts';
import { snapshotTables } from './table-snapshot.ts';
import { TEMPLATE_ENV } from './migrated-templates.ts';
import { createTestDatabase, testDialects, type TestDatabase } from './test-databases.ts';

/** Tables with their columns, and the names of every index and trigger, sorted. */
async function schemaOf(opened: ServerDb): Promise<string[]> {
  const tables = await opened.db.introspection.getTables({ withInternalKyselyTables: true });
  const indexes = opened.dialect === 'sqlite'
    ? sql<{ name: string }>`SELECT name || ' on ' || tbl_name AS name FROM sqlite_master WHERE type IN ('index', 'trigger')`
    : sql<{ name: string }>`SELECT indexname || ' on ' || tablename AS name FROM pg_indexes WHERE schemaname = 'public'
        UNION ALL SELECT tgname || ' on ' || tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal`;
  return [
    ...tables.map((t) => `${t.name}(${t.columns.map((c) => `${c.name} ${c.dataType}${c.isNullable ? '' : ' not null'}`).join(', ')})`),
    ...(await indexes.execute(opened.db)).rows.map((r) => r.name),
  ].sort();
}

describe.each(testDialects())('test databases on %s', (dialect) => {
  const made: Array<{ database: TestDatabase; opened: ServerDb }> = [];
  const open = async (migrated: boolean): Promise<ServerDb> => {
    const database = await createTestDatabase(dialect, { migrated });
    const opened = openServerDb(database.config);
    made.push({ database, opened });
    return opened;
  };
  afterEach(async () => {
    for (const { database, opened } of made.splice(0)) {
      await opened.close();
      await database.drop();
    }
  });

  it('has a migrated template from the global setup', () => {
    expect(process.env[TEMPLATE_ENV[dialect]]).toBeTruthy();
  });

  it('copies the template: every migration applied, the same schema and rows as migrating from empty', async () => {
    const copy = await open(true);
    const fresh = await open(false);
    await migrateServerDb(fresh.db);
    const applied = await new Migrator({ db: copy.db, provider: serverMigrationProvider }).getMigrations();
    expect(applied.length).toBe(Object.keys(await serverMigrationProvider.getMigrations()).length);
    expect(applied.filter((m) => m.executedAt === undefined).map((m) => m.name)).toEqual([]);
    expect(await schemaOf(copy)).toEqual(await schemaOf(fresh));
    const rows = (snapshot: Record<string, string[]>) => Object.fromEntries(Object.entries(snapshot).map(([t, r]) => [t, r.length]));
    expect(rows(await snapshotTables(copy.db))).toEqual(rows(await snapshotTables(fresh.db)));
  });

  it('gives each suite its own copy: a row written in one is in no other', async () => {
    const first = await open(true);
    const second = await open(true);
    await buildAgency(first.db, { name: 'Only In The First Copy' });
    const names = async (opened: ServerDb) => (await opened.db.selectFrom('agencies').select('name').execute()).map((a) => a.name);
    expect(await names(first)).toContain('Only In The First Copy');
    expect(await names(second)).not.toContain('Only In The First Copy');
    const third = await open(true);
    expect(await names(third)).not.toContain('Only In The First Copy');
  });

  it('leaves a database asked for empty (the migration tests) without tables', async () => {
    const empty = await open(false);
    expect(await empty.db.introspection.getTables({ withInternalKyselyTables: true })).toEqual([]);
  });
});
