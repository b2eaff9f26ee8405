import { describe, expect, it } from 'vitest';
import { useCacheMigration } from '../support/cache-migration.ts';

describe('cache migration 0004 (bootstrap staging)', () => {
  const m = useCacheMigration('0004_bootstrap_staging');

  it('adds an empty staging table to an encrypted cache without touching its rows or its outbox, and rolls back', async () => {
    const { db } = m;
    expect(m.previous).toBe('0003_outbox');
    await db.insertInto('meta').values({ key: 'cursor', value: '42' }).execute();
    await db.insertInto('agencies').values({ id: 'a1', name: 'Old Council', kind: 'council', code: 'OLD' }).execute();
    const change = {
      mutation_id: 1, client_id: 'client-abc', name: 'task.update', args: '{}', base_version: null, state: 'pending' as const,
      before_image: null, error_code: null, error_message: null, created_at: '2026-11-26T10:00:00.000Z', attempts: 0,
    };
    await db.insertInto('outbox').values(change).execute();

    await m.migrateTo('0004_bootstrap_staging');
    expect(await db.selectFrom('meta').selectAll().execute()).toEqual([{ key: 'cursor', value: '42' }]);
    expect(await db.selectFrom('agencies').select('id').execute()).toEqual([{ id: 'a1' }]);
    expect(await db.selectFrom('outbox').selectAll().execute()).toEqual([change]);
    expect(await db.selectFrom('bootstrap_staged').selectAll().execute()).toEqual([]);
    const staged = { entity: 'case', id: 'c1', data: '{"entity":"case","id":"c1"}' };
    await db.insertInto('bootstrap_staged').values(staged).execute();
    await db.insertInto('bootstrap_staged').values({ ...staged, entity: 'person' }).execute();
    expect(await db.selectFrom('bootstrap_staged').selectAll().orderBy('rid').execute()).toEqual([
      { rid: 1, ...staged }, { rid: 2, ...staged, entity: 'person' },
    ]);
    // A record is staged once (a page sent again does not double it); it always has its JSON.
    await expect(db.insertInto('bootstrap_staged').values(staged).execute()).rejects.toThrow(/UNIQUE/);
    await expect(db.insertInto('bootstrap_staged').values({ ...staged, id: 'c2', data: null as never }).execute()).rejects.toThrow(/NOT NULL/);

    await m.migrateTo(m.previous);
    await expect(db.selectFrom('bootstrap_staged').selectAll().execute()).rejects.toThrow(/no such table/);
    expect(await db.selectFrom('outbox').selectAll().execute()).toEqual([change]);
    expect(await db.selectFrom('agencies').select('id').execute()).toEqual([{ id: 'a1' }]);
  });
});
