import { describe, expect, it } from 'vitest';
import { CASE_TYPE_LABELS, CASE_TYPES } from '../../domain/vocabulary.ts';
import { buildAgency } from '../support/factories.ts';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';

describe.each(testDialects())('migration 0004_case_types_and_list_indexes on %s', (dialect) => {
  const m = useServerMigration(dialect, '0003_audit_append_only');

  it('seeds every default case type, keeps one an agency already changed, adds the list indexes and the reference counters', async () => {
    const agencyId = await buildAgency(m.db);
    await m.db.insertInto('case_types').values({ code: 'asb', label: 'ASB (local wording)', active: 0, retention_years: 10 }).execute();

    await m.migrateTo('0004_case_types_and_list_indexes');
    const types = await m.db.selectFrom('case_types').select(['code', 'label', 'active', 'retention_years']).orderBy('code').execute();
    expect(types).toEqual(CASE_TYPES.map((code) => (code === 'asb'
      ? { code, label: 'ASB (local wording)', active: 0, retention_years: 10 }
      : { code, label: CASE_TYPE_LABELS[code], active: 1, retention_years: 6 })).sort((a, b) => a.code.localeCompare(b.code)));
    expect(await m.indexesOf('cases')).toEqual(expect.arrayContaining(['cases_owner_updated_idx', 'cases_updated_idx']));
    expect(await m.columnsOf('case_reference_counters')).toEqual(['agency_id', 'year', 'last_number']);
    await m.db.insertInto('case_reference_counters').values({ agency_id: agencyId, year: 2026, last_number: 1 }).execute();
    // One counter per agency and year: a second row for the same pair is refused.
    await expect(m.db.insertInto('case_reference_counters').values({ agency_id: agencyId, year: 2026, last_number: 2 }).execute()).rejects.toThrow();
  });

  it('drops the counters and the indexes when migrated down, and keeps the case types (cases refer to them)', async () => {
    await m.migrateTo('0004_case_types_and_list_indexes');
    await m.migrateTo('0003_audit_append_only');
    expect(await m.columnsOf('case_reference_counters')).toEqual([]);
    expect(await m.indexesOf('cases')).not.toContain('cases_updated_idx');
    expect(await m.indexesOf('cases')).not.toContain('cases_owner_updated_idx');
    expect((await m.db.selectFrom('case_types').select('code').execute()).map((r) => r.code).sort()).toEqual([...CASE_TYPES].sort());
  });
});
