import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useCacheMigration } from '../support/cache-migration.ts';

const T = (h: number) => `2026-12-06T${String(h).padStart(2, '0')}:00:00.000Z`;
const A1 = '7b0c1f52-5a8e-4c53-9d7e-4a0d7f1c2b11';
const ids = ['0f6e1c3a-2b4d-4e5f-8a9b-1c2d3e4f5a6b', '0f6e1c3a-2b4d-4e5f-8a9b-1c2d3e4f5a6c', '0f6e1c3a-2b4d-4e5f-8a9b-1c2d3e4f5a6d'];

describe('cache migration 0012 (the queue index carries reference and title)', () => {
  const m = useCacheMigration('0012_queue_walk_index');

  it('rebuilds the queue index over the cases already cached, so a walked text test needs no row, and rolls back', async () => {
    const { db } = m;
    expect(m.previous).toBe('0011_offline_meetings');
    const row = (i: number, title: string) => ({
      id: ids[i]!, reference: `OLD-${i}`, title, case_type: 'asb', status: 'open', closure_reason: null, risk_level: 'low', review_date: null,
      owner_agency_id: A1, owner_team_id: null, owner_user_id: null, sharing_level: 'owner_agency', shared_agency_ids: '[]',
      created_at: T(1), updated_at: T(i + 1), version: 1, abilities: null,
    });
    await db.insertInto('cases').values([row(0, 'Noise at the lane'), row(1, 'Hoarding'), row(2, 'Lane parking')]).execute();
    const columns = async () => (await sql<{ name: string }>`SELECT name FROM pragma_index_info('cases_queue_idx') ORDER BY seqno`.execute(db)).rows.map((r) => r.name);
    const walk = sql`SELECT id FROM cases WHERE lower(reference) LIKE '%lane%' OR lower(title) LIKE '%lane%' ORDER BY updated_at DESC, id ASC`;
    const plan = async () => (await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${walk}`.execute(db)).rows.map((r) => r.detail).join('\n');
    expect(await columns()).toEqual(['updated_at', 'id']);

    await m.migrateTo('0012_queue_walk_index');
    expect(await columns()).toEqual(['updated_at', 'id', 'reference', 'title']);
    // The walk reads the index alone, in queue order, and finds the cases cached before the migration.
    expect(await plan()).toContain('SCAN cases USING COVERING INDEX cases_queue_idx');
    expect(await plan()).not.toContain('TEMP B-TREE');
    expect((await walk.execute(db)).rows).toEqual([{ id: ids[2] }, { id: ids[0] }]);

    await m.migrateTo(m.previous);
    expect(await columns()).toEqual(['updated_at', 'id']);
    expect((await db.selectFrom('cases').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual(ids);
  });
});
