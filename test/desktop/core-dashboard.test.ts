/**
 * The dashboard.summary channel of the desktop core: a team manager syncs from a real server, the
 * server stops, and the Dashboard is still counted from the encrypted offline copy (the exact counts of
 * what was synced). Bad input is refused with a typed error; a practitioner gets no per-worker section.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../domain/ipc/dashboard-channels.ts';
import { newId } from '../../domain/ids.ts';
import type { RiskLevel } from '../../domain/vocabulary.ts';
import { localDate } from '../../main/cache/queue-query.ts';
import { recordChange } from '../../server/changes/record-change.ts';
import { callCore } from '../support/core-call.ts';
import { startTestCore, type TestCore } from '../support/core-world.ts';
import { buildAgency, buildCase, buildTeam, buildUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const NOW = '2026-11-01T09:00:00.000Z';
const yesterday = () => localDate(new Date(Date.now() - 86_400_000));

describe('the dashboard.summary channel of the desktop core', () => {
  let server: TestServer;
  let managerCore: TestCore;
  let practitionerCore: TestCore;
  let manager: { id: string; username: string; password: string };
  let worker: { id: string; username: string; password: string };
  let agency = '';
  let partner = '';

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    agency = await buildAgency(server.db, { name: 'Wrenfield Police', kind: 'police', code: 'WFP' });
    partner = await buildAgency(server.db, { name: 'Wrenfield Council', kind: 'council', code: 'WFC' });
    const team = await buildTeam(server.db, agency, 'Neighbourhood Team');
    manager = await buildUser(server.db, { agencyId: agency, role: 'team_manager', teamIds: [team], password: 'manager-pass-1' });
    worker = await buildUser(server.db, { agencyId: agency, teamIds: [team], password: 'worker-pass-1' });
    const build = async (ownerUserId: string | null, riskLevel: RiskLevel, reviewDate: string | null, caseType: 'asb' | 'hate_crime' = 'asb') => {
      const { id } = await buildCase(server.db, { ownerAgencyId: agency, ownerTeamId: team, ownerUserId, caseType });
      await server.db.updateTable('cases').set({ risk_level: riskLevel, review_date: reviewDate }).where('id', '=', id).execute();
      return id;
    };
    const workersCase = await build(worker.id, 'high', yesterday());
    await build(worker.id, 'high', null);
    await build(manager.id, 'low', null, 'hate_crime');
    await build(null, 'very_high', yesterday());
    const task = async (assigneeAgencyId: string, assigneeUserId: string | null, dueDate: string, status: 'open' | 'done' = 'open') => {
      const id = newId();
      await server.db.transaction().execute(async (trx) => {
        await trx.insertInto('tasks').values({
          id, case_id: workersCase, title: 'Visit', description: '', assignee_agency_id: assigneeAgencyId,
          assignee_team_id: assigneeAgencyId === agency ? team : null, assignee_user_id: assigneeUserId, due_date: dueDate,
          status, created_by: manager.id, created_at: NOW, updated_at: NOW, version: 1,
        }).execute();
        await recordChange(trx, { entity: 'task', entityId: id, op: 'upsert', caseId: workersCase, at: NOW });
      });
    };
    await task(agency, worker.id, yesterday());
    await task(agency, worker.id, '2099-01-01');
    await task(agency, manager.id, yesterday(), 'done');
    await task(partner, null, yesterday());
    managerCore = startTestCore(server, 'cb-core-dashboard-');
    practitionerCore = startTestCore(server, 'cb-core-dashboard-worker-');
  });
  afterAll(async () => {
    await managerCore.stop();
    await practitionerCore.stop();
    await server.stop();
  });

  it('needs a signed-in session', async () => {
    expect(await managerCore.core.handle('dashboard.summary', null)).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
  });

  it('gives a practitioner their own workload and no per-worker section', async () => {
    await callCore(practitionerCore.core, 'session.signIn', worker);
    await callCore(practitionerCore.core, 'sync.now', null);
    const dashboard = await callCore<Dashboard>(practitionerCore.core, 'dashboard.summary', null);
    expect(dashboard.myWorkload).toEqual({
      openCasesByRisk: [{ riskLevel: 'low', count: 0 }, { riskLevel: 'medium', count: 0 }, { riskLevel: 'high', count: 2 }, { riskLevel: 'very_high', count: 0 }],
      openTasks: 2,
      overdueTasks: 1,
    });
    expect(dashboard.workers).toBeNull();
  });

  it('counts every section from the offline copy once the server has stopped', async () => {
    await callCore(managerCore.core, 'session.signIn', manager);
    await callCore(managerCore.core, 'sync.now', null);
    await server.stop();
    const dashboard = await callCore<Dashboard>(managerCore.core, 'dashboard.summary', null);
    expect(dashboard.today).toBe(localDate(new Date()));
    expect(dashboard.myWorkload).toEqual({
      openCasesByRisk: [{ riskLevel: 'low', count: 1 }, { riskLevel: 'medium', count: 0 }, { riskLevel: 'high', count: 0 }, { riskLevel: 'very_high', count: 0 }],
      openTasks: 0,
      overdueTasks: 0,
    });
    expect(dashboard.teamCases).toEqual([
      { caseType: 'asb', riskLevel: 'high', count: 2 },
      { caseType: 'asb', riskLevel: 'very_high', count: 1 },
      { caseType: 'hate_crime', riskLevel: 'low', count: 1 },
    ]);
    expect(dashboard.workers).toEqual([
      { userId: worker.id, openCases: 2, openTasks: 2 },
      { userId: manager.id, openCases: 1, openTasks: 0 },
    ]);
    expect(dashboard.overdueTasksByAgency).toEqual([
      { agencyId: agency, agencyName: 'Wrenfield Police', count: 1 },
      { agencyId: partner, agencyName: 'Wrenfield Council', count: 1 },
    ].sort((a, b) => a.agencyName.localeCompare(b.agencyName)));
    expect(dashboard.awaitingAllocation.map((r) => r.count)).toEqual([0, 0, 0, 1]);
    expect(dashboard.pastReview.map((r) => r.count)).toEqual([0, 0, 1, 1]);
  });

  it('refuses any input but null with a typed error', async () => {
    expect(await managerCore.core.handle('dashboard.summary', { teamId: newId() })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
  });
});
