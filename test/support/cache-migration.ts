/**
 * One cache migration under test (STYLE: migrate to N-1, insert rows, migrate to N, check the rows):
 * each test gets a fresh encrypted cache file, opened as the worker opens it, migrated to the
 * migration right before the one under test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, expect } from 'vitest';
import { cacheMigrationProvider, cacheMigrations } from '../../db/cache/migrations/index.ts';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { openEncryptedDb } from '../../main/cache-worker/open-encrypted-db.ts';

/** What a cache migration test works with; `db` is the current test's raw handle on its cache file. */
export interface CacheMigrationUnderTest<DB> {
  readonly db: Kysely<DB>;
  /** The migration right before the one under test (where each test starts). */
  readonly previous: string;
  /** The encrypted cache file and its key, to open it another way (e.g. as the app does). */
  readonly file: string;
  readonly keyHex: string;
  /** Migrates up or down to `name`, failing the test on any error. */
  migrateTo(name: string): Promise<void>;
  /** Closes the raw handle (e.g. before the app opens the file); `reopen` gives a new one. */
  close(): Promise<void>;
  /** A new raw handle on the same file, which becomes `db`. */
  reopen(): Kysely<DB>;
}

/** Registers the per-test set-up for migration `name` (a key of the static list): a fresh cache at the one before it, removed afterwards. */
export function useCacheMigration<DB = CacheDatabase>(name: string): CacheMigrationUnderTest<DB> {
  const names = Object.keys(cacheMigrations).sort();
  const index = names.indexOf(name);
  if (index < 1) {
    throw new Error(`${name} is not a cache migration with one before it`);
  }
  const previous = names[index - 1]!;
  let dir = '';
  let keyHex = '';
  let db: Kysely<DB> | null = null;
  const file = () => join(dir, 'cache.cbcache');
  const reopen = (): Kysely<DB> => (db = new Kysely<DB>({ dialect: new SqliteDialect({ database: openEncryptedDb(file(), keyHex) }) }));
  const close = async (): Promise<void> => {
    await db?.destroy();
    db = null;
  };
  const migrateTo = async (target: string): Promise<void> => {
    const { error } = await new Migrator({ db: db!, provider: cacheMigrationProvider }).migrateTo(target);
    expect(error).toBeUndefined();
  };
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cb-cache-mig-'));
    keyHex = randomBytes(32).toString('hex');
    reopen();
    await migrateTo(previous);
  });
  afterEach(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get db() {
      return db!;
    },
    previous,
    get file() {
      return file();
    },
    get keyHex() {
      return keyHex;
    },
    migrateTo,
    close,
    reopen,
  };
}
