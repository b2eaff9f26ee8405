import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheMigrationProvider } from '../../db/cache/migrations/index.ts';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { openCaseCache } from '../../main/cache/case-cache.ts';
import { openEncryptedDb } from '../../main/cache-worker/open-encrypted-db.ts';
import { useCacheMigration } from '../support/cache-migration.ts';
import { newKeyHex } from './cache-test-kit.ts';

const MIRROR = ['access_requests', 'agencies', 'case_locations', 'case_subjects', 'cases', 'documents', 'locations', 'markers', 'meta', 'persons', 'reports', 'tasks'];
const SEARCH = ['case_fts', 'person_fts', 'report_fts'];
const tables = async (db: Kysely<CacheDatabase>) =>
  (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'kysely_%' AND name NOT LIKE '%fts_%' ORDER BY name`.execute(db)).rows.map((r) => r.name);

describe('cache migrations on a real encrypted cache', () => {
  let dir: string;
  let file: string;
  let keyHex: string;
  const raw = () => new Kysely<CacheDatabase>({ dialect: new SqliteDialect({ database: openEncryptedDb(file, keyHex) }) });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cb-cache-migrate-'));
    file = join(dir, 'cache.db');
    keyHex = newKeyHex();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the SQLite build has FTS5 compiled in', async () => {
    const db = raw();
    const { rows } = await sql<{ fts5: number }>`SELECT sqlite_compileoption_used('ENABLE_FTS5') AS fts5`.execute(db);
    await db.destroy();
    expect(rows).toEqual([{ fts5: 1 }]);
  });

  it('creates every mirror table and search index on an empty cache', async () => {
    const cache = await openCaseCache({ file, keyHex });
    await cache.close();
    const db = raw();
    expect(await tables(db)).toEqual(expect.arrayContaining([...MIRROR, ...SEARCH])); // later migrations add more
    const applied = await db.selectFrom(sql<{ name: string }>`kysely_migration`.as('m')).select('name').orderBy('name').execute();
    await db.destroy();
    expect(applied.map((m) => m.name)).toEqual(Object.keys(await cacheMigrationProvider.getMigrations()).sort());
  });
});

describe('cache migration 0002 (mirror) on a real encrypted cache', () => {
  const m = useCacheMigration('0002_mirror');

  it('upgrades a 0001 cache keeping its cases, which become searchable, and 0002 down gives the 0001 shape back', async () => {
    const old = m.db;
    expect(m.previous).toBe('0001_initial');
    const agencyId = '7b0c1f52-5a8e-4c53-9d7e-4a0d7f1c2b11';
    const caseId = '0f6e1c3a-2b4d-4e5f-8a9b-1c2d3e4f5a6b';
    await old.insertInto('agencies').values({ id: agencyId, name: 'Old Council', kind: 'council', code: 'OLD' }).execute();
    await sql`INSERT INTO cases (id, reference, title, case_type, status, closure_reason, risk_level, review_date, owner_agency_id, owner_team_id,
      owner_user_id, sharing_level, shared_agency_ids, created_at, updated_at, version) VALUES (${caseId}, 'OLD-1', 'Fly-tipping behind Sallowmere Mill',
      'asb', 'open', NULL, 'low', NULL, ${agencyId}, NULL, NULL, 'owner_agency', '[]', '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', 3)`.execute(old);
    await old.insertInto('meta').values({ key: 'cursor', value: '41' }).execute();
    await m.close();

    const cache = await openCaseCache({ file: m.file, keyHex: m.keyHex });
    expect(await cache.cursor()).toBe('41');
    expect((await cache.queue({ filter: '', limit: 10, offset: 0 })).rows).toEqual([expect.objectContaining({ id: caseId, ownerAgencyName: 'Old Council' })]);
    expect((await cache.searchCases('sallowm')).hits.map((h) => h.id)).toEqual([caseId]);
    await cache.close();

    const db = m.reopen();
    expect(await db.selectFrom('cases').select(['id', 'version', 'abilities']).execute()).toEqual([{ id: caseId, version: 3, abilities: null }]);
    await m.migrateTo('0001_initial');
    expect(await tables(db)).toEqual(['agencies', 'cases', 'meta']);
    const { rows } = await sql<{ id: string; title: string }>`SELECT id, title FROM cases`.execute(db);
    expect(rows).toEqual([{ id: caseId, title: 'Fly-tipping behind Sallowmere Mill' }]);
  });
});
