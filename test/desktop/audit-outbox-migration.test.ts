import { describe, expect, it } from 'vitest';
import { useCacheMigration } from '../support/cache-migration.ts';

const T = '2026-11-26T10:00:00.000Z';

describe('cache migration 0006 (audit outbox)', () => {
  const m = useCacheMigration('0006_audit_outbox');

  it('adds the audit outbox to an encrypted cache without touching its rows or its outbox, and rolls back', async () => {
    const { db } = m;
    expect(m.previous).toBe('0005_locations');
    await db.insertInto('meta').values({ key: 'cursor', value: '42' }).execute();
    const change = {
      mutation_id: 1, client_id: 'client-abc', name: 'task.update', args: '{}', base_version: null, state: 'pending' as const,
      before_image: null, error_code: null, error_message: null, created_at: T, attempts: 0,
    };
    await db.insertInto('outbox').values(change).execute();

    await m.migrateTo('0006_audit_outbox');
    expect(await db.selectFrom('meta').selectAll().execute()).toEqual([{ key: 'cursor', value: '42' }]);
    expect(await db.selectFrom('outbox').selectAll().execute()).toEqual([change]);
    const read = {
      client_event_id: 'e1', user_id: 'u1', at: T, action: 'record.view', entity_type: 'case', entity_id: 'c1', details: '{}',
    };
    await db.insertInto('audit_outbox').values(read).execute();
    await db.insertInto('audit_outbox').values({ ...read, client_event_id: 'e2', entity_id: null }).execute();
    expect(await db.selectFrom('audit_outbox').selectAll().orderBy('seq').execute()).toEqual([
      { seq: 1, ...read }, { seq: 2, ...read, client_event_id: 'e2', entity_id: null },
    ]);
    // An event id is stored once; every field but the entity is required.
    await expect(db.insertInto('audit_outbox').values(read).execute()).rejects.toThrow(/UNIQUE/);
    await expect(db.insertInto('audit_outbox').values({ ...read, client_event_id: 'e3', at: null as never }).execute()).rejects.toThrow(/NOT NULL/);

    await m.migrateTo(m.previous);
    await expect(db.selectFrom('audit_outbox').selectAll().execute()).rejects.toThrow(/no such table/);
    expect(await db.selectFrom('outbox').selectAll().execute()).toEqual([change]);
  });
});
