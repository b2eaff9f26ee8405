import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../domain/http/sync-schemas.ts';
import { newId } from '../../domain/ids.ts';
import { buildAgency, buildCase, buildTeam, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe.each(testDialects())('sync push on %s', (dialect) => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  let police = '';
  let council = '';
  let policeTeam = '';
  let sharedCase = '';
  let hiddenCase = '';

  beforeAll(async () => {
    server = await startTestServer(dialect);
    police = await buildAgency(server.db, { kind: 'police', name: 'Police' });
    council = await buildAgency(server.db, { name: 'Council' });
    policeTeam = await buildTeam(server.db, police, 'PPU');
    const users = {
      pc: await buildUser(server.db, { agencyId: police, teamIds: [policeTeam] }),
      pc2: await buildUser(server.db, { agencyId: police, teamIds: [policeTeam] }),
      officer: await buildUser(server.db, { agencyId: council }),
    };
    for (const [name, u] of Object.entries(users)) {
      const res = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: u.username, password: u.password } });
      tokens[name] = res.json<{ accessToken: string }>().accessToken;
    }
    sharedCase = (await buildCase(server.db, { ownerAgencyId: police, sharingLevel: 'shared', sharedAgencyIds: [council] })).id;
    hiddenCase = (await buildCase(server.db, { ownerAgencyId: police })).id;
  });
  afterAll(() => server.stop());

  async function push(token: string, body: object) {
    const res = await server.app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${token}` }, payload: body });
    return { status: res.statusCode, body: res.json<PushResponse>() };
  }
  const caseRow = (id: string) => server.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const auditCount = async (entityId: string, action: string) =>
    Number((await server.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n'))
      .where('entity_id', '=', entityId).where('action', '=', action).executeTakeFirstOrThrow()).n);

  it('applies a mutation pushed twice only once, answering applied both times', async () => {
    const caseId = (await buildCase(server.db, { ownerAgencyId: police })).id;
    const body = { clientId: 'client-replay-1', mutations: [{ mutationId: 1, name: 'case.update', args: { caseId, title: 'Renamed offline' } }] };
    const first = await push(tokens.pc!, body);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ results: [{ mutationId: 1, status: 'applied' }], lastMutationId: 1 });
    const second = await push(tokens.pc!, body);
    expect(second.body).toEqual({ results: [{ mutationId: 1, status: 'applied' }], lastMutationId: 1 });
    const row = await caseRow(caseId);
    expect(row.title).toBe('Renamed offline');
    expect(row.version).toBe(2);
    expect(await auditCount(caseId, 'record.update')).toBe(1);
    const logged = await server.db.selectFrom('change_log').select('seq').where('entity', '=', 'case').where('entity_id', '=', caseId).execute();
    expect(logged).toHaveLength(2); // the factory's insert and the one update
  });

  it('answers a stale baseVersion on the risk level with a conflict carrying the server value, and changes nothing', async () => {
    const caseId = (await buildCase(server.db, { ownerAgencyId: police })).id;
    const bump = await push(tokens.pc2!, { clientId: 'client-conflict-a', mutations: [{ mutationId: 1, name: 'case.update', args: { caseId, riskLevel: 'high' }, baseVersion: 1 }] });
    expect(bump.body.results[0]!.status).toBe('applied');
    const stale = await push(tokens.pc!, { clientId: 'client-conflict-b', mutations: [{ mutationId: 1, name: 'case.update', args: { caseId, riskLevel: 'low' }, baseVersion: 1 }] });
    expect(stale.body.results).toEqual([{ mutationId: 1, status: 'conflict', serverVersion: 2, serverValue: { riskLevel: 'high', status: 'open', closureReason: null } }]);
    expect(stale.body.lastMutationId).toBe(1);
    const row = await caseRow(caseId);
    expect(row.risk_level).toBe('high');
    expect(row.version).toBe(2);
    expect(await auditCount(caseId, 'record.update')).toBe(1);
  });

  it('rolls a conflict back entirely (no change-log row) and rejects a twin id without writing', async () => {
    const caseId = (await buildCase(server.db, { ownerAgencyId: police })).id;
    await push(tokens.pc2!, { clientId: 'client-conflict-c', mutations: [{ mutationId: 1, name: 'case.update', args: { caseId, status: 'closed', closureReason: 'Resolved' }, baseVersion: 1 }] });
    const logged = async () => (await server.db.selectFrom('change_log').select('seq').where('entity_id', '=', caseId).execute()).length;
    const before = await logged();
    const stale = await push(tokens.pc!, { clientId: 'client-conflict-d', mutations: [
      { mutationId: 1, name: 'case.update', args: { caseId, title: 'Also renamed', riskLevel: 'low' }, baseVersion: 1 },
    ] });
    expect(stale.body.results).toEqual([{ mutationId: 1, status: 'conflict', serverVersion: 2, serverValue: { riskLevel: 'medium', status: 'closed', closureReason: 'Resolved' } }]);
    expect(await logged()).toBe(before);
    expect((await caseRow(caseId)).title).not.toBe('Also renamed');
    const taskId = newId();
    const create = (mutationId: number, title: string) => ({ mutationId, name: 'task.create', args: { taskId, caseId: sharedCase, title, assigneeAgencyId: police } });
    const twin = await push(tokens.pc!, { clientId: 'client-twin-1', mutations: [create(1, 'First'), create(2, 'Twin')] });
    expect(twin.body.results.map((r) => [r.status, r.error?.code])).toEqual([['applied', undefined], ['rejected', 'conflict']]);
    expect((await server.db.selectFrom('tasks').select('title').where('id', '=', taskId).executeTakeFirstOrThrow()).title).toBe('First');
    expect(await auditCount(taskId, 'record.create')).toBe(1);
  });

  it('refuses a safety-critical change without a baseVersion', async () => {
    const caseId = (await buildCase(server.db, { ownerAgencyId: police })).id;
    const res = await push(tokens.pc!, { clientId: 'client-nobase-1', mutations: [{ mutationId: 1, name: 'case.update', args: { caseId, status: 'closed', closureReason: 'Resolved' } }] });
    expect(res.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'validation_error' } });
    expect((await caseRow(caseId)).status).toBe('open');
  });

  it('rejects a mutation the user may not make and still applies the ones after it', async () => {
    const taskId = newId();
    const reportId = newId();
    const res = await push(tokens.officer!, {
      clientId: 'client-council-1',
      mutations: [
        { mutationId: 5, name: 'case.update', args: { caseId: hiddenCase, title: 'Not yours' } },
        { mutationId: 6, name: 'case.update', args: { caseId: sharedCase, title: 'Partner edit' } },
        { mutationId: 7, name: 'task.create', args: { taskId: 'not-a-uuid', caseId: sharedCase, title: 'x', assigneeAgencyId: council } },
        { mutationId: 8, name: 'task.create', args: { taskId, caseId: sharedCase, title: 'Visit', assigneeAgencyId: council } },
        { mutationId: 9, name: 'report.create', args: { reportId, caseId: sharedCase, kind: 'contact', title: 'Home visit', body: 'Seen.' } },
        { mutationId: 10, name: 'task.update', args: { taskId, status: 'in_progress' } },
        { mutationId: 11, name: 'task.addUpdate', args: { taskUpdateId: newId(), taskId, body: 'Called, no answer.' } },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => [r.mutationId, r.status, r.error?.code])).toEqual([
      [5, 'rejected', 'not_found'], [6, 'rejected', 'authorization_error'], [7, 'rejected', 'validation_error'],
      [8, 'applied', undefined], [9, 'applied', undefined], [10, 'applied', undefined], [11, 'applied', undefined],
    ]);
    expect(res.body.lastMutationId).toBe(11);
    expect((await caseRow(hiddenCase)).version).toBe(1);
    expect((await caseRow(sharedCase)).version).toBe(1);
    const task = await server.db.selectFrom('tasks').selectAll().where('id', '=', taskId).executeTakeFirstOrThrow();
    expect([task.status, task.version, task.created_by]).toEqual(['in_progress', 2, expect.any(String)]);
    expect(await server.db.selectFrom('task_updates').select('id').where('task_id', '=', taskId).execute()).toHaveLength(1);
    expect(await auditCount(reportId, 'record.create')).toBe(1);
    const again = await push(tokens.officer!, { clientId: 'client-council-1', mutations: [{ mutationId: 8, name: 'task.create', args: { taskId, caseId: sharedCase, title: 'Visit', assigneeAgencyId: council } }] });
    expect(again.body.results).toEqual([{ mutationId: 8, status: 'applied' }]);
    expect(await auditCount(taskId, 'record.create')).toBe(1);
    // A replayed refusal (its first answer lost) is refused again, never reported as applied.
    const replayedRefusals = await push(tokens.officer!, {
      clientId: 'client-council-1',
      mutations: [
        { mutationId: 5, name: 'case.update', args: { caseId: hiddenCase, title: 'Not yours' } },
        { mutationId: 6, name: 'case.update', args: { caseId: sharedCase, title: 'Partner edit' } },
      ],
    });
    expect(replayedRefusals.body.results.map((r) => [r.mutationId, r.status, r.error?.code])).toEqual([
      [5, 'rejected', 'not_found'], [6, 'rejected', 'authorization_error'],
    ]);
    expect((await caseRow(sharedCase)).version).toBe(1);
  });

  it('answers 403 for a client id bound to another user and applies nothing', async () => {
    const caseId = (await buildCase(server.db, { ownerAgencyId: police })).id;
    await push(tokens.pc!, { clientId: 'client-owned-by-pc', mutations: [{ mutationId: 1, name: 'case.update', args: { caseId, title: 'Mine' } }] });
    const res = await push(tokens.pc2!, { clientId: 'client-owned-by-pc', mutations: [{ mutationId: 2, name: 'case.update', args: { caseId, title: 'Hijack' } }] });
    expect(res.status).toBe(403);
    expect((await caseRow(caseId)).title).toBe('Mine');
  });

  it('reports the last applied mutation id in a pull for the client', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/sync/pull?clientId=client-council-1', headers: { authorization: `Bearer ${tokens.officer}` } });
    expect(res.json<{ lastMutationId: number }>().lastMutationId).toBe(11);
    const other = await server.app.inject({ method: 'GET', url: '/sync/pull?clientId=client-council-1', headers: { authorization: `Bearer ${tokens.pc}` } });
    expect(other.json<{ lastMutationId: number }>().lastMutationId).toBe(0);
  });

  it('refuses a push with a malformed body', async () => {
    const res = await push(tokens.pc!, { clientId: 'x', mutations: [] });
    expect(res.status).toBe(400);
  });
});
