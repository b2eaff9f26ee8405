import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useCacheMigration } from '../support/cache-migration.ts';

const T = '2026-11-26T10:00:00.000Z';
const A1 = '7b0c1f52-5a8e-4c53-9d7e-4a0d7f1c2b11';
const U1 = '2c4e6a8b-1d3f-4a5b-8c7d-9e0f1a2b3c4d';
const ids = ['0f6e1c3a-2b4d-4e5f-8a9b-1c2d3e4f5a6b', '0f6e1c3a-2b4d-4e5f-8a9b-1c2d3e4f5a6c', '0f6e1c3a-2b4d-4e5f-8a9b-1c2d3e4f5a6d'];
const NAMES = ['cases_reference_idx', 'cases_title_idx', 'cases_review_idx', 'cases_owner_user_idx', 'cases_owner_team_idx'];

describe('cache migration 0008 (queue sort indexes)', () => {
  const m = useCacheMigration('0008_queue_sorts');

  it('indexes the cases already cached for the new sorts and tabs, and rolls back', async () => {
    const { db } = m;
    const row = (i: number, title: string, review: string | null) => ({
      id: ids[i]!, reference: `OLD-${i}`, title, case_type: 'asb', status: 'open', closure_reason: null, risk_level: 'low', review_date: review,
      owner_agency_id: A1, owner_team_id: null, owner_user_id: i === 1 ? U1 : null, sharing_level: 'owner_agency', shared_agency_ids: '[]',
      created_at: T, updated_at: T, version: 1, abilities: null,
    });
    await db.insertInto('cases').values([row(0, 'beta', '2027-01-02'), row(1, 'Alpha', null), row(2, 'gamma', '2026-12-01')]).execute();

    await m.migrateTo('0008_queue_sorts');
    const present = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases'`.execute(db);
    expect(present.rows.map((r) => r.name)).toEqual(expect.arrayContaining(NAMES));
    // The queue's own ordering expressions (main/cache/queue-query.ts) read the cases in index order, with no sort
    // step. The queue query itself also reads 0009's case types, so it is tested at the head (cache-queue-tabs).
    const ordered = async (by: string, index: string) => {
      const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT id FROM cases ORDER BY ${sql.raw(by)}`.execute(db);
      expect(plan.rows.map((r) => r.detail).join('\n')).toContain(index);
      expect(plan.rows.map((r) => r.detail).join('\n')).not.toContain('TEMP B-TREE');
      return (await sql<{ id: string }>`SELECT id FROM cases ORDER BY ${sql.raw(by)}`.execute(db)).rows.map((r) => r.id);
    };
    expect(await ordered('title COLLATE NOCASE, id', 'cases_title_idx')).toEqual([ids[1], ids[0], ids[2]]);
    expect(await ordered("coalesce(review_date, '9999-12-31'), id", 'cases_review_idx')).toEqual([ids[2], ids[0], ids[1]]);
    const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT id FROM cases WHERE owner_user_id = ${U1}`.execute(db);
    expect(plan.rows.map((r) => r.detail).join('\n')).toContain('cases_owner_user_idx');

    await m.migrateTo(m.previous);
    const left = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE name IN (${sql.join(NAMES)})`.execute(db);
    expect(left.rows).toEqual([]);
    expect((await db.selectFrom('cases').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual(ids);
  });
});
