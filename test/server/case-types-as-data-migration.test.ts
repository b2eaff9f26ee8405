import { describe, expect, it } from 'vitest';
import { serverMigrations } from '../../db/server/migrations/index.ts';
import { buildAgency, buildCase } from '../support/factories.ts';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';

const NAME = '0024_case_types_as_data';
// The migration just before this one in the static list (others may be numbered between).
const BEFORE = Object.keys(serverMigrations)[Object.keys(serverMigrations).indexOf(NAME) - 1]!;

describe.each(testDialects())(`migration ${NAME} on %s`, (dialect) => {
  const m = useServerMigration(dialect, BEFORE);

  it('logs every case type once after the last change, so desktops pull them, keeps cases and types, and makes names unique', async () => {
    const agencyId = await buildAgency(m.db);
    const c = await buildCase(m.db, { ownerAgencyId: agencyId, caseType: 'hate_crime', audience: false });
    await m.db.updateTable('case_types').set({ label: 'Hate crime and incidents' }).where('code', '=', 'hate_crime').execute();
    const head = Number((await m.db.selectFrom('change_seq').select('seq').where('id', '=', 1).executeTakeFirstOrThrow()).seq);
    const types = await m.db.selectFrom('case_types').selectAll().orderBy('code').execute();

    await m.migrateTo(NAME);
    expect(await m.db.selectFrom('case_types').selectAll().orderBy('code').execute()).toEqual(types);
    expect(await m.db.selectFrom('cases').select(['id', 'case_type']).execute()).toEqual([{ id: c.id, case_type: 'hate_crime' }]);
    const logged = await m.db.selectFrom('change_log').select(['seq', 'entity', 'entity_id', 'op']).where('entity', '=', 'case_type').orderBy('seq').execute();
    expect(logged.map((r) => [r.entity_id, r.op])).toEqual(types.map((t) => [t.code, 'upsert']));
    expect(logged.map((r) => Number(r.seq))).toEqual(types.map((_, i) => head + i + 1));
    expect(Number((await m.db.selectFrom('change_seq').select('seq').where('id', '=', 1).executeTakeFirstOrThrow()).seq)).toBe(head + types.length);
    await expect(m.db.insertInto('case_types').values({ code: 'hate_again', label: 'HATE CRIME AND INCIDENTS', active: 1, retention_years: 6 }).execute()).rejects.toThrow();
    expect(await m.db.selectFrom('system_settings').selectAll().execute()).toEqual([]);
  });

  it('drops the settings and the unique index when migrated down, keeping the case types', async () => {
    await m.migrateTo(NAME);
    const types = await m.db.selectFrom('case_types').select('code').orderBy('code').execute();
    await m.migrateTo(BEFORE);
    expect(await m.columnsOf('system_settings')).toEqual([]);
    expect(await m.db.selectFrom('case_types').select('code').orderBy('code').execute()).toEqual(types);
    await m.db.insertInto('case_types').values({ code: 'asb_again', label: 'Anti-social behaviour', active: 1, retention_years: 6 }).execute();
  });
});
