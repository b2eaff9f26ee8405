import { describe, expect, it } from 'vitest';
import { newId } from '../../domain/ids.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';

const T = '2026-11-20T09:00:00.000Z';

describe.each(testDialects())('migration 0005_grant_expiry_sweep on %s', (dialect) => {
  const m = useServerMigration(dialect, '0004_case_types_and_list_indexes');

  /** An approved access request and its grant, as 0002 stores them. */
  const grantedAccess = async () => {
    const agencyId = await buildAgency(m.db);
    const user = await buildUser(m.db, { agencyId, username: 'grant.holder' });
    const requestId = newId();
    await m.db.insertInto('access_requests').values({
      id: requestId, resource_type: 'case', resource_id: newId(), owner_agency_id: agencyId, requester_user_id: user.id, requester_agency_id: agencyId,
      reason: 'Joint visit', status: 'approved', decided_by: null, decided_at: T, decision_note: null, grant_expires_at: '2026-11-27T09:00:00.000Z',
      created_at: T, version: 2,
    }).execute();
    const grant = { id: newId(), request_id: requestId, resource_type: 'case' as const, resource_id: newId(), user_id: user.id, expires_at: '2026-11-27T09:00:00.000Z', revoked_at: null };
    await m.db.insertInto('access_grants').values(grant).execute();
    return grant;
  };

  it('gives existing grants no recorded expiry, indexes grants by recorded expiry and expiry, and then records one', async () => {
    const grant = await grantedAccess();

    await m.migrateTo('0005_grant_expiry_sweep');
    expect(await m.db.selectFrom('access_grants').selectAll().execute()).toEqual([{ ...grant, expiry_recorded_at: null }]);
    expect(await m.indexesOf('access_grants')).toContain('access_grants_expiry_idx');
    await m.db.updateTable('access_grants').set({ expiry_recorded_at: '2026-11-27T09:00:05.000Z' }).where('id', '=', grant.id).execute();
    expect(await m.db.selectFrom('access_grants').select('expiry_recorded_at').executeTakeFirstOrThrow()).toEqual({ expiry_recorded_at: '2026-11-27T09:00:05.000Z' });
  });

  it('drops the index when migrated down and keeps the grants (the column stays: SQLite cannot portably drop it)', async () => {
    const grant = await grantedAccess();
    await m.migrateTo('0005_grant_expiry_sweep');
    await m.migrateTo('0004_case_types_and_list_indexes');
    expect(await m.indexesOf('access_grants')).not.toContain('access_grants_expiry_idx');
    expect(await m.indexesOf('access_grants')).toContain('access_grants_user_idx');
    expect(await m.db.selectFrom('access_grants').select('id').execute()).toEqual([{ id: grant.id }]);
  });
});
