import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { queryCaseTypes } from '../../main/cache/case-types-query.ts';
import { escalationDays } from '../../main/cache/escalation-days.ts';
import { queryQueue } from '../../main/cache/queue-query.ts';
import { useCacheMigration } from '../support/cache-migration.ts';

const T = '2026-11-26T10:00:00.000Z';
const A1 = '7b0c1f52-5a8e-4c53-9d7e-4a0d7f1c2b11';
const C1 = '0f6e1c3a-2b4d-4e5f-8a9b-1c2d3e4f5a6b';

describe('cache migration 0009 (case types and settings)', () => {
  const m = useCacheMigration('0009_case_types_and_settings');

  it('keeps the cached cases, labels them once their case types arrive, reads the synced escalation days, and rolls back', async () => {
    const { db } = m;
    await db.insertInto('cases').values({
      id: C1, reference: 'OLD-1', title: 'Cached before', case_type: 'asb', status: 'open', closure_reason: null, risk_level: 'low', review_date: null,
      owner_agency_id: A1, owner_team_id: null, owner_user_id: null, sharing_level: 'owner_agency', shared_agency_ids: '[]',
      created_at: T, updated_at: T, version: 1, abilities: null,
    }).execute();

    await m.migrateTo('0009_case_types_and_settings');
    const q = { filter: '', limit: 10, offset: 0 };
    // Until the case types are synced, the row shows its code rather than nothing.
    expect((await queryQueue(db, q)).rows.map((r) => [r.id, r.caseTypeLabel])).toEqual([[C1, 'asb']]);
    expect(await escalationDays(db)).toBe(2);
    await db.insertInto('case_types').values([{ id: 'asb', label: 'Anti-social behaviour', active: 1 }, { id: 'old_type', label: 'Old type', active: 0 }]).execute();
    await db.insertInto('settings').values({ id: 'task_escalation_days', value: '4' }).execute();
    expect((await queryQueue(db, q)).rows.map((r) => r.caseTypeLabel)).toEqual(['Anti-social behaviour']);
    expect((await queryQueue(db, { ...q, filter: 'anti-social' })).rows.map((r) => r.id)).toEqual([C1]);
    expect(await queryCaseTypes(db)).toEqual({ caseTypes: [
      { code: 'asb', label: 'Anti-social behaviour', active: true }, { code: 'old_type', label: 'Old type', active: false },
    ] });
    expect(await escalationDays(db)).toBe(4);

    await m.migrateTo(m.previous);
    const left = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('case_types', 'settings')`.execute(db);
    expect(left.rows).toEqual([]);
    expect((await db.selectFrom('cases').select('id').execute()).map((r) => r.id)).toEqual([C1]);
  });
});
