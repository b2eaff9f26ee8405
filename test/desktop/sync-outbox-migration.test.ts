import { describe, expect, it } from 'vitest';
import type { SyncCacheDatabase } from '../../main/sync/sync-cache-db.ts';
import { useCacheMigration } from '../support/cache-migration.ts';

describe('cache migration 0003 (outbox)', () => {
  const m = useCacheMigration<SyncCacheDatabase>('0003_outbox');

  it('adds the outbox and conflict tables to an encrypted cache without touching its rows, and rolls back', async () => {
    const { db } = m;
    await db.insertInto('meta').values({ key: 'cursor', value: '42' }).execute();
    await m.migrateTo('0003_outbox');
    expect(await db.selectFrom('meta').selectAll().execute()).toEqual([{ key: 'cursor', value: '42' }]);
    const item = {
      mutation_id: 1, client_id: 'client-abc', name: 'task.update', args: '{}', base_version: null, state: 'pending' as const,
      before_image: null, error_code: null, error_message: null, created_at: '2026-11-26T10:00:00.000Z', attempts: 0,
    };
    await db.insertInto('outbox').values(item).execute();
    await expect(db.insertInto('outbox').values({ ...item, mutation_id: 2, state: 'lost' as never }).execute()).rejects.toThrow(/CHECK/);
    await db.insertInto('sync_conflicts').values({
      id: 'c1', mutation_id: 1, entity: 'case', entity_id: 'x', fields: '[]', mine: '{}', theirs: '{}', server_version: 2, created_at: item.created_at,
    }).execute();
    // Dropping the item drops its conflict record with it.
    await db.deleteFrom('outbox').where('mutation_id', '=', 1).execute();
    expect(await db.selectFrom('sync_conflicts').selectAll().execute()).toEqual([]);
    await m.migrateTo('0002_mirror');
    await expect(db.selectFrom('outbox').selectAll().execute()).rejects.toThrow(/no such table/);
  });
});
