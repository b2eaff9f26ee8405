/**
 * Case types are data (docs/decisions.md): a system administrator adds, renames and retires them,
 * each change audited with old → new and logged for sync; a retired type cannot be chosen for a new
 * case while its cases keep it; names are unique; refusals are audited and change nothing. The
 * task escalation days are a system setting that reaches desktops the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../domain/http/sync-schemas.ts';
import { buildSignedInUser, buildThreeAgencyWorld, call, type WorldUser } from '../support/case-factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

interface ErrorAnswer { error: { code: string; message: string } }
interface AdminCaseType { code: string; label: string; active: boolean; caseCount: number }

describe.each(testDialects())('case type administration on %s', (dialect) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof buildThreeAgencyWorld>>;
  let sysadmin: WorldUser;
  let agencyAdmin: WorldUser;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    world = await buildThreeAgencyWorld(server);
    sysadmin = await buildSignedInUser(server, world.agencies.council, [], 'system_admin');
    agencyAdmin = await buildSignedInUser(server, world.agencies.police, [], 'agency_admin');
  });
  afterAll(() => server.stop());

  const typeRows = () => server.db.selectFrom('case_types').select(['code', 'label', 'active']).orderBy('code').execute();
  const lastAudit = async (userId: string) => {
    const row = await server.db.selectFrom('audit_events').select(['outcome', 'entity_id', 'details']).where('user_id', '=', userId)
      .where('action', '=', 'admin.change').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    return { outcome: row.outcome, entityId: row.entity_id, details: JSON.parse(row.details) as Record<string, unknown> };
  };

  it('lists every case type for a system administrator only, and adds one with a unique name, refusing repeats and others with nothing changed', async () => {
    const list = await call<{ caseTypes: AdminCaseType[] }>(server, sysadmin, 'GET', '/case-types');
    expect(list.status).toBe(200);
    expect(list.body.caseTypes.find((t) => t.code === 'asb')).toMatchObject({ label: 'Anti-social behaviour', active: true });
    const refusedList = await call<ErrorAnswer>(server, agencyAdmin, 'GET', '/case-types');
    expect([refusedList.status, refusedList.body.error.code]).toEqual([403, 'authorization_error']);

    const before = await typeRows();
    const refused = await call<ErrorAnswer>(server, agencyAdmin, 'POST', '/case-types', { label: 'Cuckooing' });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'authorization_error']);
    expect(await lastAudit(agencyAdmin.id)).toMatchObject({ outcome: 'denied', details: { change: 'case_type.create', reason: 'authorization_error' } });
    const tooShort = await call<ErrorAnswer>(server, sysadmin, 'POST', '/case-types', { label: 'C' });
    expect([tooShort.status, tooShort.body.error.code]).toEqual([400, 'validation_error']);
    expect(await typeRows()).toEqual(before);

    const made = await call<AdminCaseType>(server, sysadmin, 'POST', '/case-types', { label: '  Cuckooing  ' });
    expect(made.status).toBe(200);
    expect(made.body).toEqual({ code: 'cuckooing', label: 'Cuckooing', active: true, caseCount: 0 });
    expect(await lastAudit(sysadmin.id)).toEqual({
      outcome: 'success', entityId: 'cuckooing', details: { change: 'case_type.create', new: { label: 'Cuckooing', active: true } },
    });

    const after = await typeRows();
    for (const label of ['CUCKOOING', 'anti-social behaviour']) {
      const again = await call<ErrorAnswer>(server, sysadmin, 'POST', '/case-types', { label });
      expect([again.status, again.body.error.code], label).toEqual([409, 'conflict']);
      expect(await lastAudit(sysadmin.id), label).toMatchObject({ outcome: 'denied', details: { change: 'case_type.create', reason: 'conflict', label } });
    }
    const renameClash = await call<ErrorAnswer>(server, sysadmin, 'PATCH', '/case-types/cuckooing', { label: 'Hate crime' });
    expect([renameClash.status, renameClash.body.error.code]).toEqual([409, 'conflict']);
    const unknown = await call<ErrorAnswer>(server, sysadmin, 'PATCH', '/case-types/no_such_type', { label: 'Anything' });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);
    const empty = await call<ErrorAnswer>(server, sysadmin, 'PATCH', '/case-types/cuckooing', {});
    expect([empty.status, empty.body.error.code]).toEqual([400, 'validation_error']);
    expect(await typeRows()).toEqual(after);
  });

  it('a retired type cannot be chosen for a new case while its cases keep it; a rename reaches desktops through sync', async () => {
    const police = world.users.police.a;
    const made = await call<AdminCaseType>(server, sysadmin, 'POST', '/case-types', { label: 'County lines' });
    const opened = await call<{ id: string; caseType: string }>(server, police, 'POST', '/cases', { title: 'Synthetic county lines case', caseType: made.body.code });
    expect([opened.status, opened.body.caseType]).toEqual([200, 'county_lines']);

    const { cursor } = (await call<PullResponse>(server, police, 'GET', '/sync/pull?cursor=0&limit=1000')).body;
    const retired = await call<AdminCaseType>(server, sysadmin, 'PATCH', '/case-types/county_lines', { active: false });
    expect(retired.body).toEqual({ code: 'county_lines', label: 'County lines', active: false, caseCount: 1 });
    const refusedCase = await call<ErrorAnswer>(server, police, 'POST', '/cases', { title: 'Another', caseType: 'county_lines' });
    expect([refusedCase.status, refusedCase.body.error.code]).toEqual([400, 'validation_error']);
    const kept = await server.db.selectFrom('cases').select('case_type').where('id', '=', opened.body.id).executeTakeFirstOrThrow();
    expect(kept.case_type).toBe('county_lines');
    expect(await server.db.selectFrom('cases').select('id').where('case_type', '=', 'county_lines').execute()).toHaveLength(1);

    const renamed = await call<AdminCaseType>(server, sysadmin, 'PATCH', '/case-types/county_lines', { label: 'County lines exploitation' });
    expect(renamed.body).toMatchObject({ code: 'county_lines', label: 'County lines exploitation', active: false });
    expect(await lastAudit(sysadmin.id)).toEqual({
      outcome: 'success', entityId: 'county_lines',
      details: { change: 'case_type.update', old: { label: 'County lines', active: false }, new: { label: 'County lines exploitation', active: false } },
    });
    const pulled = (await call<PullResponse>(server, police, 'GET', `/sync/pull?cursor=${cursor}&limit=1000`)).body;
    expect(pulled.changes.filter((c) => c.entity === 'case_type').map((c) => c.data))
      .toEqual([{ id: 'county_lines', label: 'County lines exploitation', active: false }]);
  });

  it('refuses to retire the MARAC case type (referrals open it), audited, with nothing changed; it may be renamed', async () => {
    const before = await typeRows();
    const refused = await call<ErrorAnswer>(server, sysadmin, 'PATCH', '/case-types/domestic_abuse_marac', { active: false });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'validation_error']);
    expect(await lastAudit(sysadmin.id)).toMatchObject({ outcome: 'denied', entityId: 'domestic_abuse_marac', details: { reason: 'validation_error', active: false } });
    expect(await typeRows()).toEqual(before);
    const renamed = await call<AdminCaseType>(server, sysadmin, 'PATCH', '/case-types/domestic_abuse_marac', { label: 'Domestic abuse (MARAC)' });
    expect(renamed.body).toMatchObject({ label: 'Domestic abuse (MARAC)', active: true });
  });

  it('sets the task escalation days for a system administrator only (1 to 30), audited, and sends them to desktops', async () => {
    const practitioner = world.users.housing.a;
    const boot = await call<{ changes: PullResponse['changes'] }>(server, practitioner, 'GET', '/sync/bootstrap?phase=agencies&limit=500');
    expect(boot.body.changes.filter((c) => c.entity === 'setting').map((c) => c.data)).toEqual([{ id: 'task_escalation_days', value: 2 }]);
    expect(boot.body.changes.filter((c) => c.entity === 'case_type').length).toBeGreaterThan(10);

    expect((await call(server, sysadmin, 'GET', '/settings')).body).toEqual({ taskEscalationDays: 2, version: 0 });
    const { cursor } = (await call<PullResponse>(server, practitioner, 'GET', '/sync/pull?cursor=0&limit=1000')).body;
    const refused = await call<ErrorAnswer>(server, agencyAdmin, 'PUT', '/settings/task-escalation-days', { days: 5 });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'authorization_error']);
    for (const days of [0, 31, 2.5]) {
      const bad = await call<ErrorAnswer>(server, sysadmin, 'PUT', '/settings/task-escalation-days', { days });
      expect([bad.status, bad.body.error.code], String(days)).toEqual([400, 'validation_error']);
    }
    expect(await server.db.selectFrom('system_settings').selectAll().execute()).toEqual([]);

    const set = await call(server, sysadmin, 'PUT', '/settings/task-escalation-days', { days: 5 });
    expect(set.body).toEqual({ taskEscalationDays: 5, version: 1 });
    expect(await lastAudit(sysadmin.id)).toMatchObject({
      outcome: 'success', entityId: 'task_escalation_days', details: { change: 'setting.task_escalation_days', old: { days: 2 }, new: { days: 5 } },
    });
    const pulled = (await call<PullResponse>(server, practitioner, 'GET', `/sync/pull?cursor=${cursor}&limit=1000`)).body;
    expect(pulled.changes.filter((c) => c.entity === 'setting').map((c) => c.data)).toEqual([{ id: 'task_escalation_days', value: 5 }]);
  });
});
