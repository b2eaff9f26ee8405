/**
 * Cross-agency tasking through the desktop core: real server, worker-backed encrypted caches (one
 * desktop per agency), OS keychain; "offline" is a fetch that cannot connect. A task made offline
 * syncs with its id and reaches the partner agency; the server's refusals come back as rejected
 * changes; the lists and the escalation are worked out from the offline copy.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RejectedChange } from '../../domain/ipc/sync-channels.ts';
import type { SyncStatus } from '../../domain/ipc/sync-status.ts';
import type { TaskAssigneesView, TaskDetailView, TaskList } from '../../domain/ipc/task-channels.ts';
import { newId } from '../../domain/ids.ts';
import { createDesktopCore } from '../../main/core/create-desktop-core.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { callCore } from '../support/core-call.ts';
import { buildSignedInUser, call } from '../support/case-factories.ts';
import { buildAgency, buildCase, buildTeam, buildUser } from '../support/factories.ts';
import { createTestKeychain } from '../support/keychain.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const daysFromToday = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('tasks on the desktop', () => {
  let server: TestServer;
  const desktops: Array<{ core: DesktopCore; dataDir: string; keychain: ReturnType<typeof createTestKeychain> }> = [];
  const net = { offline: false };
  const ids = { police: '', council: '', housing: '', north: '', cst: '', caseId: '', ownOnly: '', reference: '' };
  let officer: { id: string; username: string; password: string };
  let manager: { id: string; username: string; password: string };
  let councilUser: { id: string; username: string; password: string };
  let leaver: { id: string; username: string; password: string };

  async function open(user: { username: string; password: string }): Promise<DesktopCore> {
    const dataDir = mkdtempSync(join(tmpdir(), 'cb-core-tasks-'));
    const keychain = createTestKeychain();
    const core = createDesktopCore({
      serverUrl: server.url, dataDir, secretStore: keychain, syncIntervalMs: 60_000,
      fetchImpl: (input, init) => (net.offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
    });
    desktops.push({ core, dataDir, keychain });
    await callCore(core, 'session.signIn', user);
    await callCore(core, 'sync.now', null);
    return core;
  }
  const list = (core: DesktopCore, view: 'mine' | 'team' | 'escalated') => callCore<TaskList>(core, 'tasks.list', { view });

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    ids.police = await buildAgency(server.db, { name: 'Northshire Police', kind: 'police', code: 'NSP' });
    ids.council = await buildAgency(server.db, { name: 'Riverton City Council', code: 'RCC' });
    ids.housing = await buildAgency(server.db, { name: 'Riverton Homes', kind: 'housing', code: 'RHA' });
    ids.north = await buildTeam(server.db, ids.police, 'Neighbourhood Policing North');
    ids.cst = await buildTeam(server.db, ids.council, 'Community Safety Team');
    officer = await buildUser(server.db, { agencyId: ids.police, teamIds: [ids.north], password: 'police-pass-1' });
    manager = await buildUser(server.db, { agencyId: ids.police, teamIds: [ids.north], role: 'team_manager', password: 'police-pass-2' });
    councilUser = await buildUser(server.db, { agencyId: ids.council, teamIds: [ids.cst], password: 'council-pass-1' });
    leaver = await buildUser(server.db, { agencyId: ids.council, teamIds: [ids.cst], password: 'council-pass-2' });
    await server.db.updateTable('users').set({ disabled: 1 }).where('id', '=', leaver.id).execute();
    const shared = await buildCase(server.db, {
      ownerAgencyId: ids.police, ownerTeamId: ids.north, ownerUserId: officer.id, sharingLevel: 'shared', sharedAgencyIds: [ids.council],
      title: 'Shared with the council',
    });
    ids.caseId = shared.id;
    ids.reference = shared.reference;
    ids.ownOnly = (await buildCase(server.db, { ownerAgencyId: ids.police, ownerTeamId: ids.north, sharingLevel: 'owner_agency' })).id;
  });
  afterAll(async () => {
    for (const d of desktops) {
      await d.core.close();
      await d.keychain.cleanup();
      rmSync(d.dataDir, { recursive: true, force: true });
    }
    await server.stop();
  });

  it('offers the agencies that see the case with their teams and enabled people, and offline only the agencies it knows', async () => {
    const police = await open(officer);
    const online = await callCore<TaskAssigneesView>(police, 'tasks.assignees', { caseId: ids.caseId });
    expect(online.complete).toBe(true);
    expect(online.agencies.map((a) => [a.name, a.owner])).toEqual([['Northshire Police', true], ['Riverton City Council', false]]);
    const council = online.agencies[1]!;
    expect(council.teams).toEqual([{ id: ids.cst, name: 'Community Safety Team' }]);
    expect(council.users.map((u) => u.id)).toEqual([councilUser.id]);
    net.offline = true;
    try {
      const offline = await callCore<TaskAssigneesView>(police, 'tasks.assignees', { caseId: ids.caseId });
      expect(offline).toEqual({
        complete: false,
        agencies: [
          { id: ids.police, name: 'Northshire Police', owner: true, teams: [], users: [] },
          { id: ids.council, name: 'Riverton City Council', owner: false, teams: [], users: [] },
        ],
      });
    } finally {
      net.offline = false;
    }
  });

  it('makes a task offline, syncs it with its id to the council, which completes it; the police see the completion', async () => {
    const police = desktops[0]!.core;
    const taskId = newId();
    net.offline = true;
    await callCore(police, 'changes.submit', {
      name: 'task.create',
      args: { taskId, caseId: ids.caseId, title: 'Visit the flat', description: 'Check the door entry system.', assigneeAgencyId: ids.council, assigneeTeamId: ids.cst, dueDate: daysFromToday(3) },
    });
    const pending = await callCore<TaskDetailView>(police, 'tasks.detail', { taskId });
    expect(pending.task).toMatchObject({ title: 'Visit the flat', status: 'open', caseReference: ids.reference, createdByMe: true, overdue: false });
    expect(pending.task.assignee).toEqual({ agencyName: 'Riverton City Council', kind: 'team', mine: false });
    expect(pending.localChanges.pending).toBe(1);
    net.offline = false;
    expect(await callCore<SyncStatus>(police, 'sync.now', null)).toMatchObject({ connection: 'online', pendingChanges: 0, lastError: null });
    expect(await server.db.selectFrom('tasks').select(['id', 'assignee_team_id']).where('id', '=', taskId).executeTakeFirst())
      .toEqual({ id: taskId, assignee_team_id: ids.cst });

    const council = await open(councilUser);
    const mine = await list(council, 'mine');
    expect(mine.rows.map((r) => [r.id, r.caseReference, r.assignee.mine])).toEqual([[taskId, ids.reference, true]]);
    expect((await list(council, 'team')).rows.map((r) => r.id)).toEqual([taskId]);
    const seen = await callCore<TaskDetailView>(council, 'tasks.detail', { taskId });
    expect(seen.task.canUpdate).toBe(true);
    await callCore(council, 'changes.submit', { name: 'task.update', args: { taskId, status: 'done' }, baseVersion: seen.task.version });
    await callCore(council, 'changes.submit', { name: 'task.addUpdate', args: { taskUpdateId: newId(), taskId, body: 'Door entry repaired.' } });
    expect((await callCore<TaskDetailView>(council, 'tasks.detail', { taskId })).task.status).toBe('done');
    await callCore(council, 'sync.now', null);

    await callCore(police, 'sync.now', null);
    const done = await callCore<TaskDetailView>(police, 'tasks.detail', { taskId });
    expect(done.task.status).toBe('done');
    expect(done.updates.map((u) => [u.body, u.byMe])).toEqual([['Door entry repaired.', false]]);
    // Opening a task is recorded for the audit trail as a view of its case.
    const events = await server.db.selectFrom('audit_events').select(['action', 'entity_type', 'entity_id']).where('user_id', '=', officer.id)
      .where('entity_id', '=', ids.caseId).execute();
    expect(events).toContainEqual({ action: 'record.view', entity_type: 'case', entity_id: ids.caseId });
  });

  it('takes back a task for an agency the case is not shared with, or for a disabled account, and lists why in Sync problems', async () => {
    const police = desktops[0]!.core;
    const notShared = newId();
    const disabled = newId();
    await callCore(police, 'changes.submit', { name: 'task.create', args: { taskId: notShared, caseId: ids.ownOnly, title: 'For the council', assigneeAgencyId: ids.council } });
    await callCore(police, 'changes.submit', {
      name: 'task.create', args: { taskId: disabled, caseId: ids.caseId, title: 'For a leaver', assigneeAgencyId: ids.council, assigneeUserId: leaver.id },
    });
    await callCore(police, 'sync.now', null);
    const rejected = await callCore<RejectedChange[]>(police, 'sync.rejected', null);
    const why = new Map(rejected.map((r) => [r.args.taskId, r.error]));
    expect(why.get(notShared)).toMatchObject({ code: 'validation_error', message: expect.stringContaining('not shared with that agency') as unknown });
    expect(why.get(disabled)).toMatchObject({ code: 'validation_error', message: expect.stringContaining('disabled') as unknown });
    expect(await server.db.selectFrom('tasks').select('id').where('id', 'in', [notShared, disabled]).execute()).toEqual([]);
    await expect(callCore(police, 'tasks.detail', { taskId: notShared })).rejects.toThrow('not_found');
  });

  it('escalates a task overdue by more than 2 days to the assignee team manager and the case owner, not at exactly 2', async () => {
    const police = desktops[0]!.core;
    const late = newId();
    const justLate = newId();
    for (const [taskId, days] of [[late, -3], [justLate, -2]] as const) {
      await callCore(police, 'changes.submit', {
        name: 'task.create', args: { taskId, caseId: ids.caseId, title: `Due ${days}`, assigneeAgencyId: ids.police, assigneeTeamId: ids.north, dueDate: daysFromToday(days) },
      });
    }
    await callCore(police, 'sync.now', null);
    const sergeant = await open(manager);
    const escalated = await list(sergeant, 'escalated');
    expect(escalated.escalationDays).toBe(2);
    expect(escalated.rows.map((r) => [r.id, r.escalated, r.overdue])).toEqual([[late, true, true]]);
    // The officer owns the case: they see it escalated too; the council does not.
    expect((await list(police, 'escalated')).rows.map((r) => r.id)).toEqual([late]);
    expect((await list(desktops[1]!.core, 'escalated')).rows).toEqual([]);
    const team = await list(sergeant, 'team');
    expect(team.rows.filter((r) => r.id === justLate).map((r) => [r.overdue, r.escalated])).toEqual([[true, false]]);
  });

  it('escalates by the days a system admin set once they are synced: at 4 days past due with 3 set, not at 3', async () => {
    const police = desktops[0]!.core;
    const sergeant = desktops.at(-1)!.core;
    const fourLate = newId();
    await callCore(police, 'changes.submit', {
      name: 'task.create', args: { taskId: fourLate, caseId: ids.caseId, title: 'Due -4', assigneeAgencyId: ids.police, assigneeTeamId: ids.north, dueDate: daysFromToday(-4) },
    });
    await callCore(police, 'sync.now', null);
    const sysadmin = await buildSignedInUser(server, ids.housing, [], 'system_admin');
    expect((await call(server, sysadmin, 'PUT', '/settings/task-escalation-days', { days: 3 })).status).toBe(200);
    await callCore(sergeant, 'sync.now', null);
    const escalated = await list(sergeant, 'escalated');
    expect(escalated.escalationDays).toBe(3);
    expect(escalated.rows.map((r) => r.title)).toEqual(['Due -4']);
    const team = await list(sergeant, 'team');
    expect(team.rows.filter((r) => r.title.startsWith('Due')).map((r) => [r.title, r.overdue, r.escalated]))
      .toEqual([['Due -4', true, true], ['Due -3', true, false], ['Due -2', true, false]]);
  });
});
