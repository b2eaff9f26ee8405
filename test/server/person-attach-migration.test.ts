import { describe, expect, it } from 'vitest';
import { newId } from '../../domain/ids.ts';
import { buildAgency, buildCase } from '../support/factories.ts';
import { addSubject, buildPerson } from '../support/person-factories.ts';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';

describe.each(testDialects())('migration 0011_person_attach on %s', (dialect) => {
  const m = useServerMigration(dialect, '0010_device_pull_times');

  it('keeps every existing link a full one, adds notifications, and undoes both when migrated down', async () => {
    const owner = await buildAgency(m.db);
    const partner = await buildAgency(m.db);
    const person = await buildPerson(m.db, { ownerAgencyId: owner });
    const c = await buildCase(m.db, { ownerAgencyId: partner, audience: false });
    const link = await addSubject(m.db, c.id, person, 'victim');

    await m.migrateTo('0011_person_attach');
    // Links made before the migration were made by users who held the full record: they keep that meaning.
    expect(await m.db.selectFrom('case_subjects').select(['id', 'profile_only']).execute()).toEqual([{ id: link, profile_only: 0 }]);
    const notification = { id: newId(), agency_id: owner, kind: 'person_attached' as const, person_id: person, case_id: c.id, from_agency_id: partner, created_at: '2026-12-04T10:00:00.000Z' };
    await m.db.insertInto('notifications').values(notification).execute();
    expect(await m.db.selectFrom('notifications').selectAll().execute()).toEqual([notification]);

    await m.migrateTo('0010_device_pull_times');
    expect(await m.columnsOf('case_subjects')).not.toContain('profile_only');
    expect(await m.columnsOf('notifications')).toEqual([]);
    expect(await m.db.selectFrom('case_subjects').select('id').execute()).toEqual([{ id: link }]);
  });
});
