/**
 * The Dashboard's figures over a real encrypted cache holding known data: each section counts exactly
 * the cases and tasks it names (open only; overdue and past review against the local date), for a
 * practitioner and for a team manager.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '../../domain/entities.ts';
import { newId } from '../../domain/ids.ts';
import type { CaseCache } from '../../main/cache/case-cache.ts';
import type { DashboardViewer } from '../../main/cache/dashboard-query.ts';
import { openTestCache, page, syncCase, syncTask } from './cache-test-kit.ts';

// Noon local time, so "yesterday" and "tomorrow" are the same dates in any time zone.
const NOW = new Date(2026, 10, 20, 12, 0, 0);
const YESTERDAY = '2026-11-19';
const TODAY = '2026-11-20';
const TOMORROW = '2026-11-21';

const mine: Agency = { id: newId(), name: 'Brackenford Police', kind: 'police', code: 'BFP' };
const council: Agency = { id: newId(), name: 'Alderholt Council', kind: 'council', code: 'AHC' };
const housing: Agency = { id: newId(), name: 'Copseley Housing', kind: 'housing', code: 'CHS' };
const [teamA, teamB, otherTeam] = [newId(), newId(), newId()];
const me: DashboardViewer = { userId: newId(), teamIds: [teamA], agencyId: mine.id, manager: false };
const colleague = newId();
const manager: DashboardViewer = { userId: newId(), teamIds: [teamA, teamB], agencyId: mine.id, manager: true };
const stranger = newId();

const own = { ownerAgencyId: mine.id };
const cases = [
  // Mine (team A): two high, one low, one medium past review; one closed high (not counted).
  syncCase({ ...own, ownerTeamId: teamA, ownerUserId: me.userId, riskLevel: 'high', caseType: 'asb' }),
  syncCase({ ...own, ownerTeamId: teamA, ownerUserId: me.userId, riskLevel: 'high', caseType: 'asb', reviewDate: TOMORROW }),
  syncCase({ ...own, ownerTeamId: teamA, ownerUserId: me.userId, riskLevel: 'low', caseType: 'domestic_abuse_marac', reviewDate: TODAY }),
  syncCase({ ...own, ownerTeamId: teamA, ownerUserId: me.userId, riskLevel: 'medium', caseType: 'domestic_abuse_marac', reviewDate: YESTERDAY }),
  syncCase({ ...own, ownerTeamId: teamA, ownerUserId: me.userId, riskLevel: 'high', caseType: 'asb', status: 'closed', reviewDate: YESTERDAY }),
  // A colleague's in team A; one in team B; unallocated ones in team B and with no team.
  syncCase({ ...own, ownerTeamId: teamA, ownerUserId: colleague, riskLevel: 'very_high', caseType: 'asb', reviewDate: YESTERDAY }),
  syncCase({ ...own, ownerTeamId: teamB, ownerUserId: colleague, riskLevel: 'low', caseType: 'hate_crime' }),
  syncCase({ ...own, ownerTeamId: teamB, ownerUserId: null, riskLevel: 'very_high', caseType: 'hate_crime' }),
  syncCase({ ...own, ownerTeamId: null, ownerUserId: null, riskLevel: 'medium', caseType: 'asb', reviewDate: YESTERDAY }),
  syncCase({ ...own, ownerTeamId: teamA, ownerUserId: null, riskLevel: 'medium', caseType: 'asb', status: 'closed' }),
  // Another agency's, shared in: past review and unallocated, but not my agency's to allocate or review.
  syncCase({ ownerAgencyId: council.id, ownerTeamId: otherTeam, ownerUserId: null, riskLevel: 'high', reviewDate: YESTERDAY, sharingLevel: 'shared', sharedAgencyIds: [mine.id] }),
];
const onCase = cases[0]!.id;
const tasks = [
  // Mine: two open (one overdue), one in progress, due today (not overdue); one done and one cancelled overdue (not counted).
  syncTask(onCase, { assigneeAgencyId: mine.id, assigneeTeamId: teamA, assigneeUserId: me.userId, status: 'open', dueDate: YESTERDAY }),
  syncTask(onCase, { assigneeAgencyId: mine.id, assigneeTeamId: null, assigneeUserId: me.userId, status: 'open', dueDate: null }),
  syncTask(onCase, { assigneeAgencyId: mine.id, assigneeTeamId: teamA, assigneeUserId: me.userId, status: 'in_progress', dueDate: TODAY }),
  syncTask(onCase, { assigneeAgencyId: mine.id, assigneeTeamId: teamA, assigneeUserId: me.userId, status: 'done', dueDate: YESTERDAY }),
  syncTask(onCase, { assigneeAgencyId: mine.id, assigneeTeamId: teamA, assigneeUserId: me.userId, status: 'cancelled', dueDate: YESTERDAY }),
  // Team A with no one named: mine too (overdue).
  syncTask(onCase, { assigneeAgencyId: mine.id, assigneeTeamId: teamA, assigneeUserId: null, status: 'open', dueDate: YESTERDAY }),
  // The colleague's, through team B (overdue) and team A.
  syncTask(onCase, { assigneeAgencyId: mine.id, assigneeTeamId: teamB, assigneeUserId: colleague, status: 'open', dueDate: YESTERDAY }),
  syncTask(onCase, { assigneeAgencyId: mine.id, assigneeTeamId: teamA, assigneeUserId: colleague, status: 'in_progress', dueDate: TOMORROW }),
  // Other agencies': the council two overdue, housing one overdue and one not.
  syncTask(onCase, { assigneeAgencyId: council.id, assigneeTeamId: otherTeam, assigneeUserId: stranger, status: 'open', dueDate: YESTERDAY }),
  syncTask(onCase, { assigneeAgencyId: council.id, status: 'in_progress', dueDate: '2026-10-01' }),
  syncTask(onCase, { assigneeAgencyId: housing.id, status: 'open', dueDate: YESTERDAY }),
  syncTask(onCase, { assigneeAgencyId: housing.id, status: 'open', dueDate: TOMORROW }),
];

describe('the Dashboard counted from the offline copy', () => {
  let dir: string;
  let cache: CaseCache;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cb-cache-dashboard-'));
    ({ cache } = await openTestCache(dir));
    await cache.applyPullPage(page([
      ...[mine, council, housing].map((data) => ({ entity: 'agency' as const, data })),
      ...cases.map((data) => ({ entity: 'case' as const, data })),
      ...tasks.map((data) => ({ entity: 'task' as const, data })),
    ]));
  });
  afterAll(async () => {
    await cache.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts my open cases by risk, my open tasks and how many are overdue', async () => {
    const dashboard = await cache.dashboard(me, NOW);
    expect(dashboard.today).toBe(TODAY);
    expect(dashboard.myWorkload).toEqual({
      openCasesByRisk: [{ riskLevel: 'low', count: 1 }, { riskLevel: 'medium', count: 1 }, { riskLevel: 'high', count: 2 }, { riskLevel: 'very_high', count: 0 }],
      openTasks: 4,
      overdueTasks: 2,
    });
  });

  it("counts my team's open cases by type and risk level, only the pairs that have any", async () => {
    expect((await cache.dashboard(me, NOW)).teamCases).toEqual([
      { caseType: 'asb', riskLevel: 'high', count: 2 },
      { caseType: 'asb', riskLevel: 'very_high', count: 1 },
      { caseType: 'domestic_abuse_marac', riskLevel: 'low', count: 1 },
      { caseType: 'domestic_abuse_marac', riskLevel: 'medium', count: 1 },
    ]);
    const managed = (await cache.dashboard(manager, NOW)).teamCases;
    expect(managed).toContainEqual({ caseType: 'hate_crime', riskLevel: 'low', count: 1 });
    expect(managed).toContainEqual({ caseType: 'hate_crime', riskLevel: 'very_high', count: 1 });
    expect(managed.reduce((n, r) => n + r.count, 0)).toBe(7);
  });

  it('gives a team manager each member’s open cases and tasks, busiest first, and nobody else that section', async () => {
    expect((await cache.dashboard(me, NOW)).workers).toBeNull();
    expect((await cache.dashboard(manager, NOW)).workers).toEqual([
      { userId: me.userId, openCases: 4, openTasks: 2 },
      { userId: colleague, openCases: 2, openTasks: 2 },
    ].sort((a, b) => b.openCases + b.openTasks - (a.openCases + a.openTasks) || (a.userId < b.userId ? -1 : 1)));
    // A manager of no team has no one to list.
    expect((await cache.dashboard({ ...manager, teamIds: [] }, NOW)).workers).toEqual([]);
  });

  it('counts overdue open tasks by the agency they are assigned to, most first', async () => {
    expect((await cache.dashboard(me, NOW)).overdueTasksByAgency).toEqual([
      { agencyId: mine.id, agencyName: 'Brackenford Police', count: 3 },
      { agencyId: council.id, agencyName: 'Alderholt Council', count: 2 },
      { agencyId: housing.id, agencyName: 'Copseley Housing', count: 1 },
    ]);
  });

  it("counts my agency's open cases with no one allocated, and those past their review date, by risk level", async () => {
    const dashboard = await cache.dashboard(me, NOW);
    expect(dashboard.awaitingAllocation).toEqual([
      { riskLevel: 'low', count: 0 }, { riskLevel: 'medium', count: 1 }, { riskLevel: 'high', count: 0 }, { riskLevel: 'very_high', count: 1 },
    ]);
    expect(dashboard.pastReview).toEqual([
      { riskLevel: 'low', count: 0 }, { riskLevel: 'medium', count: 2 }, { riskLevel: 'high', count: 0 }, { riskLevel: 'very_high', count: 1 },
    ]);
  });

  it('agrees with the queue where the queue has the same filter', async () => {
    const dashboard = await cache.dashboard(me, NOW);
    for (const { riskLevel, count } of dashboard.myWorkload.openCasesByRisk) {
      const queue = await cache.queue({ filter: '', limit: 1, offset: 0, tab: 'my_cases', status: 'open', riskLevel, viewer: me, now: NOW });
      expect(queue.total).toBe(count);
    }
    for (const { riskLevel, count } of dashboard.pastReview) {
      const queue = await cache.queue({ filter: '', limit: 1, offset: 0, overdue: true, ownerAgencyId: mine.id, riskLevel, now: NOW });
      expect(queue.total).toBe(count);
    }
    for (const { caseType, riskLevel, count } of dashboard.teamCases) {
      const queue = await cache.queue({ filter: '', limit: 1, offset: 0, tab: 'team_cases', status: 'open', caseType, riskLevel, viewer: me, now: NOW });
      expect(queue.total).toBe(count);
    }
  });

  it('counts an empty cache as zeros', async () => {
    const nobody: DashboardViewer = { userId: newId(), teamIds: [], agencyId: newId(), manager: true };
    expect(await cache.dashboard(nobody, NOW)).toMatchObject({
      myWorkload: { openTasks: 0, overdueTasks: 0 }, teamCases: [], workers: [],
      awaitingAllocation: [0, 0, 0, 0].map((count, i) => ({ riskLevel: ['low', 'medium', 'high', 'very_high'][i], count })),
    });
  });
});
