import { describe, expect, it } from 'vitest';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';

const UPDATE = { seq: 1, entity_type: 'case', entity_id: 'c1', salt: 'a'.repeat(64), changes: JSON.stringify({ title: ['Old', 'New'] }) };

describe.each(testDialects())('migration 0026_audit_kept_terms on %s', (dialect) => {
  const m = useServerMigration(dialect, '0025_audit_export_pdf');

  it("adds the kept terms and justification beside an update's values, keeping the rows already there", async () => {
    await m.db.insertInto('audit_event_values').values(UPDATE).execute();
    await m.migrateTo('0026_audit_kept_terms');
    expect(await m.columnsOf('audit_event_values')).toEqual(expect.arrayContaining(['seq', 'salt', 'changes', 'terms', 'justification']));
    const search = { seq: 2, entity_type: null, entity_id: null, salt: 'b'.repeat(64), changes: '{}', terms: JSON.stringify({ q: 'Smith' }), justification: null };
    await m.db.insertInto('audit_event_values').values(search).execute();
    expect(await m.db.selectFrom('audit_event_values').selectAll().orderBy('seq').execute())
      .toEqual([{ ...UPDATE, terms: null, justification: null }, search].map((r) => ({ ...r, seq: expect.anything() as number })));
  });

  it('migrated down, drops the rows that kept only terms or a justification, and the columns', async () => {
    await m.migrateTo('0026_audit_kept_terms');
    await m.db.insertInto('audit_event_values').values([
      { ...UPDATE, terms: null, justification: null },
      { seq: 2, entity_type: 'case', entity_id: 'c1', salt: 'c'.repeat(64), changes: '{}', terms: null, justification: 'Because' },
    ]).execute();
    await m.migrateTo('0025_audit_export_pdf');
    expect(await m.columnsOf('audit_event_values')).not.toContain('terms');
    expect(await m.columnsOf('audit_event_values')).not.toContain('justification');
    expect((await m.db.selectFrom('audit_event_values').select(['entity_id', 'changes']).execute())).toEqual([{ entity_id: 'c1', changes: UPDATE.changes }]);
  });
});
