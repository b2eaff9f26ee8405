/**
 * Migration 0029: every case a user holds or held an access grant on gets that user's `g:` audience
 * row (docs/access.md, "The case list's audience rows"), beside the rows 0027 wrote; down removes
 * only the grant rows.
 */
import { describe, expect, it } from 'vitest';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';

const T = '2026-11-01T09:00:00.000Z';

describe.each(testDialects())('migration 0029_case_audience_grants on %s', (dialect) => {
  const m = useServerMigration(dialect, '0028_audit_search_indexes');

  it('adds one grant row per user and case, whatever the grant\'s state, and down removes only those', async () => {
    await m.db.insertInto('agencies').values([
      { id: 'ag1', name: 'One', kind: 'council', code: 'ONE', created_at: T, seq: 0 },
      { id: 'ag2', name: 'Two', kind: 'police', code: 'TWO', created_at: T, seq: 0 },
    ]).execute();
    const user = { role: 'practitioner', password_hash: 'x', disabled: 0, created_at: T } as const;
    await m.db.insertInto('users').values([
      { ...user, id: 'u1', agency_id: 'ag1', username: 'one', display_name: 'One' },
      { ...user, id: 'u2', agency_id: 'ag2', username: 'two', display_name: 'Two' },
      { ...user, id: 'u3', agency_id: 'ag2', username: 'three', display_name: 'Three' },
    ]).execute();
    const base = { title: 'Case', case_type: 'asb', status: 'open', closure_reason: null, risk_level: 'low', review_date: null, owner_agency_id: 'ag1',
      owner_team_id: null, owner_user_id: null, sharing_level: 'owner_agency', created_at: T, version: 1, seq: 0, hidden_from_search: 0, created_by: null } as const;
    await m.db.insertInto('cases').values([
      { ...base, id: 'c1', reference: 'R1', updated_at: '2026-11-01T09:00:01.000Z' },
      { ...base, id: 'c2', reference: 'R2', updated_at: '2026-11-01T09:00:02.000Z' },
    ]).execute();
    const request = { resource_type: 'case', owner_agency_id: 'ag1', requester_agency_id: 'ag2', reason: 'Synthetic reason for the test',
      status: 'approved', decided_by: null, decided_at: T, decision_note: null, grant_expires_at: '2027-01-01T00:00:00.000Z', created_at: T, version: 1 } as const;
    await m.db.insertInto('access_requests').values([
      { ...request, id: 'r1', resource_id: 'c1', requester_user_id: 'u2' },
      { ...request, id: 'r2', resource_id: 'c1', requester_user_id: 'u2' },
      { ...request, id: 'r3', resource_id: 'c2', requester_user_id: 'u3' },
      { ...request, id: 'r4', resource_type: 'person', resource_id: 'c2', requester_user_id: 'u2' },
    ]).execute();
    const grant = { expires_at: '2027-01-01T00:00:00.000Z', revoked_at: null, expiry_recorded_at: null } as const;
    await m.db.insertInto('access_grants').values([
      // u2 holds two grants on c1 (one revoked): one row. u3's lapsed grant on c2 still gets its row.
      { ...grant, id: 'g1', request_id: 'r1', resource_type: 'case', resource_id: 'c1', user_id: 'u2' },
      { ...grant, id: 'g2', request_id: 'r2', resource_type: 'case', resource_id: 'c1', user_id: 'u2', revoked_at: T },
      { ...grant, id: 'g3', request_id: 'r3', resource_type: 'case', resource_id: 'c2', user_id: 'u3', expires_at: '2026-01-01T00:00:00.000Z' },
      // A person grant whose id happens to match a case's is not a case grant.
      { ...grant, id: 'g4', request_id: 'r4', resource_type: 'person', resource_id: 'c2', user_id: 'u2' },
    ]).execute();
    // What 0027 and every write before this migration left: the sharing rows only.
    await m.db.insertInto('case_audience').values([
      { principal: 'a:ag1', case_id: 'c1', updated_at: '2026-11-01T09:00:01.000Z' },
      { principal: 'a:ag1', case_id: 'c2', updated_at: '2026-11-01T09:00:02.000Z' },
    ]).execute();
    const rows = async () => (await m.db.selectFrom('case_audience').select(['principal', 'case_id', 'updated_at']).execute())
      .map((r) => `${r.case_id} ${r.principal} ${r.updated_at}`).sort();

    await m.migrateTo('0029_case_audience_grants');
    expect(await rows()).toEqual([
      'c1 a:ag1 2026-11-01T09:00:01.000Z', 'c1 g:u2 2026-11-01T09:00:01.000Z',
      'c2 a:ag1 2026-11-01T09:00:02.000Z', 'c2 g:u3 2026-11-01T09:00:02.000Z',
    ]);

    await m.migrateTo('0028_audit_search_indexes');
    expect(await rows()).toEqual(['c1 a:ag1 2026-11-01T09:00:01.000Z', 'c2 a:ag1 2026-11-01T09:00:02.000Z']);
  });
});
