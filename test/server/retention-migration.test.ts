import { describe, expect, it } from 'vitest';
import { serverMigrations } from '../../db/server/migrations/index.ts';
import { newId } from '../../domain/ids.ts';
import { buildAgency, buildCase } from '../support/factories.ts';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';

const NAME = '0023_retention';
// The migration just before this one in the static list (others may be numbered between).
const BEFORE = Object.keys(serverMigrations)[Object.keys(serverMigrations).indexOf(NAME) - 1]!;

describe.each(testDialects())(`migration ${NAME} on %s`, (dialect) => {
  const m = useServerMigration(dialect, BEFORE);

  it('stamps closed cases with their last change as closure time, seeds a rule per case type from its period, and keeps cases intact', async () => {
    const agencyId = await buildAgency(m.db);
    const open = await buildCase(m.db, { ownerAgencyId: agencyId, audience: false });
    const closed = await buildCase(m.db, { ownerAgencyId: agencyId, caseType: 'domestic_abuse_marac', audience: false });
    await m.db.updateTable('cases').set({ status: 'closed', closure_reason: 'resolved', updated_at: '2019-05-01T08:00:00.000Z' }).where('id', '=', closed.id).execute();
    await m.db.updateTable('case_types').set({ retention_years: 10 }).where('code', '=', 'domestic_abuse_marac').execute();
    const before = await m.db.selectFrom('cases').select(['id', 'title', 'status', 'updated_at']).orderBy('id').execute();

    await m.migrateTo(NAME);
    expect(await m.db.selectFrom('cases').select(['id', 'title', 'status', 'updated_at']).orderBy('id').execute()).toEqual(before);
    expect(await m.db.selectFrom('cases').select(['id', 'closed_at']).orderBy('id').execute()).toEqual(
      [{ id: open.id, closed_at: null }, { id: closed.id, closed_at: '2019-05-01T08:00:00.000Z' }].sort((a, b) => a.id.localeCompare(b.id)),
    );
    const types = await m.db.selectFrom('case_types').select('code').orderBy('code').execute();
    expect(types.length).toBeGreaterThan(2);
    expect(await m.db.selectFrom('retention_rules').select(['case_type', 'review_after_years', 'version']).orderBy('case_type').execute())
      .toEqual(types.map((t) => ({ case_type: t.code, review_after_years: t.code === 'domestic_abuse_marac' ? 10 : 6, version: 1 })));
    expect(await m.indexesOf('cases')).toContain('cases_closed_at_idx');
  });

  it('refuses a keep decision without a date and an erase decision with one', async () => {
    await m.migrateTo(NAME);
    const row = { case_id: newId(), reason: 'Synthetic reason', decided_by: newId(), decided_at: '2026-11-01T00:00:00.000Z' };
    await expect(m.db.insertInto('retention_reviews').values({ ...row, id: newId(), decision: 'keep', keep_until: null }).execute()).rejects.toThrow();
    await expect(m.db.insertInto('retention_reviews').values({ ...row, id: newId(), decision: 'erase', keep_until: '2030-01-01' }).execute()).rejects.toThrow();
    await m.db.insertInto('retention_reviews').values({ ...row, id: newId(), decision: 'keep', keep_until: '2030-01-01' }).execute();
    expect(await m.db.selectFrom('retention_reviews').select('decision').execute()).toEqual([{ decision: 'keep' }]);
  });

  it('drops the tables and the column again when migrated down, keeping the cases', async () => {
    const agencyId = await buildAgency(m.db);
    const c = await buildCase(m.db, { ownerAgencyId: agencyId, audience: false });
    await m.migrateTo(NAME);
    await m.migrateTo(BEFORE);
    expect(await m.columnsOf('cases')).not.toContain('closed_at');
    for (const table of ['retention_rules', 'legal_holds', 'retention_reviews', 'erasure_tombstones', 'audit_event_values']) {
      expect(await m.columnsOf(table)).toEqual([]);
    }
    expect(await m.db.selectFrom('cases').select('id').execute()).toEqual([{ id: c.id }]);
  });
});
