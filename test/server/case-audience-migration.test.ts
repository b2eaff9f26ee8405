import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { serverMigrationProvider } from '../../db/server/migrations/index.ts';
import { seedDemoData } from '../../server/seed/seed-demo-data.ts';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer } from '../support/test-server.ts';

const T = '2026-11-01T09:00:00.000Z';

type Rows = Array<{ principal: string; case_id: string; updated_at: string }>;
const sorted = (rows: Rows) => rows.map((r) => `${r.case_id} ${r.principal} ${r.updated_at}`).sort();

describe.each(testDialects())('migration 0027_case_audience on %s', (dialect) => {
  const m = useServerMigration(dialect, '0026_audit_kept_terms');

  it('backfills one row per principal each sharing level admits, and drops the table when migrated down', async () => {
    await m.db.insertInto('agencies').values([
      { id: 'ag1', name: 'One', kind: 'council', code: 'ONE', created_at: T, seq: 0 },
      { id: 'ag2', name: 'Two', kind: 'police', code: 'TWO', created_at: T, seq: 0 },
    ]).execute();
    await m.db.insertInto('teams').values([{ id: 'tm1', agency_id: 'ag1', name: 'A' }, { id: 'tm2', agency_id: 'ag2', name: 'B' }]).execute();
    const user = { role: 'practitioner', password_hash: 'x', disabled: 0, created_at: T } as const;
    await m.db.insertInto('users').values([
      { ...user, id: 'u1', agency_id: 'ag1', username: 'one', display_name: 'One' },
      { ...user, id: 'u9', agency_id: 'ag2', username: 'nine', display_name: 'Nine' },
    ]).execute();
    const base = { reference: '', title: 'Case', case_type: 'asb', status: 'open', closure_reason: null, risk_level: 'low', review_date: null,
      owner_agency_id: 'ag1', owner_team_id: 'tm1', owner_user_id: 'u1', created_at: T, version: 1, seq: 0, hidden_from_search: 0, created_by: null } as const;
    await m.db.insertInto('cases').values([
      { ...base, id: 'c1', reference: 'R1', sharing_level: 'owner_only', updated_at: '2026-11-01T09:00:01.000Z' },
      { ...base, id: 'c2', reference: 'R2', sharing_level: 'owner_team', updated_at: '2026-11-01T09:00:02.000Z' },
      { ...base, id: 'c3', reference: 'R3', sharing_level: 'owner_agency', updated_at: '2026-11-01T09:00:03.000Z' },
      { ...base, id: 'c4', reference: 'R4', sharing_level: 'shared', updated_at: '2026-11-01T09:00:04.000Z' },
      // No owner user or team: nobody is admitted through them.
      { ...base, id: 'c5', reference: 'R5', sharing_level: 'owner_only', owner_team_id: null, owner_user_id: null, updated_at: '2026-11-01T09:00:05.000Z' },
      // Named shares on a level other than `shared` admit nobody.
      { ...base, id: 'c6', reference: 'R6', sharing_level: 'owner_team', owner_user_id: null, updated_at: '2026-11-01T09:00:06.000Z' },
    ]).execute();
    // c4 also names its own agency: still one `a:ag1` row.
    await m.db.insertInto('case_shared_agencies').values([{ case_id: 'c4', agency_id: 'ag2' }, { case_id: 'c4', agency_id: 'ag1' }, { case_id: 'c6', agency_id: 'ag2' }]).execute();
    await m.db.insertInto('case_shared_teams').values([{ case_id: 'c4', team_id: 'tm2' }, { case_id: 'c6', team_id: 'tm2' }]).execute();
    await m.db.insertInto('case_shared_users').values([{ case_id: 'c4', user_id: 'u9' }]).execute();

    await m.migrateTo('0027_case_audience');
    const rows = await m.db.selectFrom('case_audience').select(['principal', 'case_id', 'updated_at']).execute();
    expect(rows.map((r) => `${r.case_id} ${r.principal}`).sort()).toEqual([
      'c1 m:ag1:tm1', 'c1 u:u1',
      'c2 t:ag1:tm1', 'c2 u:u1',
      'c3 a:ag1',
      'c4 a:ag1', 'c4 a:ag2', 'c4 s:tm2', 'c4 u:u9',
      'c6 t:ag1:tm1',
    ]);
    expect(rows.filter((r) => r.case_id === 'c4').every((r) => r.updated_at === '2026-11-01T09:00:04.000Z')).toBe(true);
    expect(await m.indexesOf('case_audience')).toEqual(expect.arrayContaining(['case_audience_case_idx', 'case_audience_list_idx']));

    await m.migrateTo('0026_audit_kept_terms');
    expect(await m.columnsOf('case_audience')).toEqual([]);
  });
});

describe.each(testDialects())('migration 0027_case_audience on a seeded %s database', (dialect) => {
  it('backfills exactly the rows refreshCaseAudience wrote as the demo data was seeded', async () => {
    const server = await startTestServer(dialect);
    try {
      await seedDemoData(server.ctx, { cases: 40, seed: 27, now: new Date(T) });
      const written = await server.db.selectFrom('case_audience').select(['principal', 'case_id', 'updated_at']).execute();
      expect(new Set(written.map((r) => r.case_id)).size).toBe(40);
      const migrator = new Migrator({ db: server.db, provider: serverMigrationProvider });
      expect((await migrator.migrateTo('0026_audit_kept_terms')).error).toBeUndefined();
      expect((await migrator.migrateTo('0027_case_audience')).error).toBeUndefined();
      const backfilled = await server.db.selectFrom('case_audience').select(['principal', 'case_id', 'updated_at']).execute();
      expect(sorted(backfilled)).toEqual(sorted(written));
    } finally {
      await server.stop();
    }
  }, 120_000);
});
