import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheMigrations } from '../../db/cache/migrations/index.ts';
import { openCaseCache } from '../../main/cache/case-cache.ts';
import { openCache } from '../../main/cache-worker/open-cache.ts';
import { newKeyHex } from './cache-test-kit.ts';

/**
 * A crash (or any failure) in the middle of a cache upgrade must leave the cache as it was, or the
 * user could never open it again: every pending migration applies in one transaction, through the
 * worker, or none does.
 */
describe('cache migrations are all or nothing', () => {
  let dir: string;
  let file: string;
  let keyHex: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cb-cache-atomic-'));
    file = join(dir, 'cache.db');
    keyHex = newKeyHex();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const userTables = async (db: Kysely<unknown>) =>
    (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger', 'index') AND name NOT LIKE 'kysely_%' AND name NOT LIKE 'sqlite_%'`.execute(db)).rows;

  it('leaves nothing behind when a migration fails half-way, and the real upgrade then succeeds', async () => {
    const failing: Migration = {
      async up(db) {
        await sql`CREATE TABLE half_done (id TEXT)`.execute(db);
        throw new Error('simulated crash in the middle of a migration');
      },
    };
    const handles = await openCache({ file, keyHex });
    const result = await new Migrator({
      db: handles.write,
      provider: { getMigrations: () => Promise.resolve({ ...cacheMigrations, '9999_failing': failing }) },
    }).migrateToLatest();
    expect(result.error).toBeInstanceOf(Error);
    expect(await userTables(handles.write as Kysely<unknown>)).toEqual([]);
    const applied = await sql<{ n: number }>`SELECT count(*) AS n FROM kysely_migration`.execute(handles.write);
    expect(Number(applied.rows[0]!.n)).toBe(0);
    await handles.close();

    const cache = await openCaseCache({ file, keyHex });
    expect(await cache.caseCount()).toBe(0);
    await cache.close();
  });
});
