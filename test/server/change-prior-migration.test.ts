import { describe, expect, it } from 'vitest';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';

describe.each(testDialects())('migration 0013_change_prior_audience on %s', (dialect) => {
  const m = useServerMigration(dialect, '0012_totp_setup_token');

  it('keeps old changes without a prior, sets the floor at the current position, and drops both columns when migrated down', async () => {
    const at = '2026-12-04T10:00:00.000Z';
    await m.db.updateTable('change_seq').set({ seq: 2 }).where('id', '=', 1).execute();
    // Before 0010 the table has no `prior` column: the insert names only the columns it had.
    for (const seq of [1, 2]) {
      await m.db.insertInto('change_log').values({ seq, entity: 'case', entity_id: `c${seq}`, op: 'access', case_id: `c${seq}`, at }).execute();
    }
    await m.migrateTo('0013_change_prior_audience');
    const rows = await m.db.selectFrom('change_log').select(['seq', 'entity_id', 'prior']).orderBy('seq').execute();
    expect(rows.map((r) => ({ ...r, seq: Number(r.seq) }))).toEqual([{ seq: 1, entity_id: 'c1', prior: null }, { seq: 2, entity_id: 'c2', prior: null }]);
    const counter = await m.db.selectFrom('change_seq').select(['seq', 'prior_floor']).executeTakeFirstOrThrow();
    expect({ seq: Number(counter.seq), floor: Number(counter.prior_floor) }).toEqual({ seq: 2, floor: 2 });
    await m.db.insertInto('change_log').values({ seq: 3, entity: 'case', entity_id: 'c3', op: 'access', case_id: 'c3', at, prior: '{"cases":{},"records":[]}' }).execute();

    await m.migrateTo('0012_totp_setup_token');
    const tables = await m.db.introspection.getTables();
    const columns = (name: string) => tables.find((t) => t.name === name)?.columns.map((c) => c.name) ?? [];
    expect(columns('change_log')).not.toContain('prior');
    expect(columns('change_seq')).not.toContain('prior_floor');
    expect((await m.db.selectFrom('change_log').select('entity_id').orderBy('seq').execute()).map((r) => r.entity_id)).toEqual(['c1', 'c2', 'c3']);
  });
});
