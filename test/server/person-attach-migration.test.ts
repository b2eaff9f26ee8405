import { Migrator } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serverMigrationProvider } from '../../db/server/migrations/index.ts';
import { newId } from '../../domain/ids.ts';
import { openServerDb, type ServerDb } from '../../server/db/connect.ts';
import { buildAgency, buildCase } from '../support/factories.ts';
import { addSubject, buildPerson } from '../support/person-factories.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/test-databases.ts';

describe.each(testDialects())('migration 0011_person_attach on %s', (dialect) => {
  let database: TestDatabase;
  let opened: ServerDb;
  let migrator: Migrator;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    opened = openServerDb(database.config);
    migrator = new Migrator({ db: opened.db, provider: serverMigrationProvider });
    expect((await migrator.migrateTo('0010_device_pull_times')).error).toBeUndefined();
  });
  afterEach(async () => {
    await opened.close();
    await database.drop();
  });

  const columnsOf = async (table: string) => (await opened.db.introspection.getTables()).find((t) => t.name === table)?.columns.map((c) => c.name) ?? [];

  it('keeps every existing link a full one, adds notifications, and undoes both when migrated down', async () => {
    const owner = await buildAgency(opened.db);
    const partner = await buildAgency(opened.db);
    const person = await buildPerson(opened.db, { ownerAgencyId: owner });
    const c = await buildCase(opened.db, { ownerAgencyId: partner });
    const link = await addSubject(opened.db, c.id, person, 'victim');

    expect((await migrator.migrateTo('0011_person_attach')).error).toBeUndefined();
    // Links made before the migration were made by users who held the full record: they keep that meaning.
    expect(await opened.db.selectFrom('case_subjects').select(['id', 'profile_only']).execute()).toEqual([{ id: link, profile_only: 0 }]);
    const notification = { id: newId(), agency_id: owner, kind: 'person_attached', person_id: person, case_id: c.id, from_agency_id: partner, created_at: '2026-12-04T10:00:00.000Z' };
    await opened.db.insertInto('notifications').values(notification).execute();
    expect(await opened.db.selectFrom('notifications').selectAll().execute()).toEqual([notification]);

    expect((await migrator.migrateTo('0010_device_pull_times')).error).toBeUndefined();
    expect(await columnsOf('case_subjects')).not.toContain('profile_only');
    expect(await columnsOf('notifications')).toEqual([]);
    expect(await opened.db.selectFrom('case_subjects').select('id').execute()).toEqual([{ id: link }]);
  });
});
