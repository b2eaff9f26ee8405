// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard as DashboardData } from '../../../domain/ipc/dashboard-channels.ts';
import { buildSessionUser } from '../../test-support/factories.ts';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { Dashboard } from './Dashboard.tsx';

const TEAM = '3c2b1a09-8f7e-4d6c-9b5a-0f1e2d3c4b5a';
const COLLEAGUE = '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a';
const COUNCIL = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const practitioner = buildSessionUser({ teamIds: [TEAM] });
const manager = buildSessionUser({ role: 'team_manager', teamIds: [TEAM], displayName: 'Sgt Test Manager' });
const risks = (low: number, medium: number, high: number, veryHigh: number) => [
  { riskLevel: 'low' as const, count: low }, { riskLevel: 'medium' as const, count: medium },
  { riskLevel: 'high' as const, count: high }, { riskLevel: 'very_high' as const, count: veryHigh },
];
const data = (overrides: Partial<DashboardData> = {}): DashboardData => ({
  today: '2026-12-05',
  myWorkload: { openCasesByRisk: risks(1, 0, 3, 0), openTasks: 5, overdueTasks: 2 },
  teamCases: [
    { caseType: 'hate_crime', riskLevel: 'low', count: 2 },
    { caseType: 'asb', riskLevel: 'high', count: 4 },
    { caseType: 'asb', riskLevel: 'very_high', count: 1 },
  ],
  workers: null,
  overdueTasksByAgency: [{ agencyId: COUNCIL, agencyName: 'Alderholt Council', count: 3 }],
  awaitingAllocation: risks(0, 2, 0, 0),
  pastReview: risks(0, 0, 0, 0),
  ...overrides,
});

function open(user = practitioner, value: DashboardData = data()) {
  renderWithProviders(<Dashboard user={user} onBack={() => undefined} />, {
    api: recordingDesktopApi({
      'dashboard.summary': () => ({ ok: true, value }),
      // Labels come from the case types in the offline copy.
      'cases.types': () => ({ ok: true, value: { caseTypes: [
        { code: 'asb', label: 'Anti-social behaviour', active: true }, { code: 'hate_crime', label: 'Hate crime', active: true },
      ] } }),
    }).api,
  });
}
const section = (name: string) => screen.getByRole('region', { name });
const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));

beforeAll(() => {
  // jsdom has no ResizeObserver; the chart's container asks for one (the tables are what these tests read).
  globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} };
});
afterEach(cleanup);

describe('the Dashboard table alternatives', () => {
  it('keeps each table behind "Show as table", which says whether it is shown', async () => {
    open();
    const workload = await screen.findByRole('region', { name: 'My workload' });
    expect(await within(workload).findByTestId('my-open-tasks')).toHaveProperty('textContent', '5');
    expect(within(workload).getByTestId('my-overdue-tasks').textContent).toBe('2');
    expect(within(workload).queryByRole('table')).toBeNull();
    const toggle = within(workload).getByRole('button', { name: 'Show as table' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent).toBe('Hide table');
    const table = within(workload).getByRole('table', { name: 'My open cases by risk level' });
    expect(rowsOf(table)).toEqual([['Low', '1'], ['Medium', '0'], ['High', '3'], ['Very high', '0']]);
    await userEvent.click(toggle);
    expect(within(workload).queryByRole('table')).toBeNull();
  });

  it('links each count to the queue with the matching tab and filters', async () => {
    open();
    await userEvent.click(within(await screen.findByRole('region', { name: 'My workload' })).getByRole('button', { name: 'Show as table' }));
    expect(screen.getByRole('link', { name: '3: High, open cases (show in the queue)' }).getAttribute('href'))
      .toBe('#/queue?tab=my_cases&status=open&risk=high');
    expect(screen.getByRole('link', { name: 'Show in the queue' }).getAttribute('href')).toBe('#/queue?tab=my_tasks');

    await userEvent.click(within(section("My team's open cases")).getByRole('button', { name: 'Show as table' }));
    const teamTable = within(section("My team's open cases")).getByRole('table');
    // Case types in label order, a column per risk level and the total.
    expect(rowsOf(teamTable)).toEqual([['Anti-social behaviour', '0', '0', '4', '1', '5'], ['Hate crime', '2', '0', '0', '0', '2']]);
    expect(within(teamTable).getByRole('link', { name: '4: Anti-social behaviour, high (show in the queue)' }).getAttribute('href'))
      .toBe('#/queue?tab=team_cases&status=open&type=asb&risk=high');
    expect(within(teamTable).getByRole('link', { name: '5: Anti-social behaviour, all risk levels (show in the queue)' }).getAttribute('href'))
      .toBe('#/queue?tab=team_cases&status=open&type=asb');
  });

  it('shows overdue tasks by agency and cases awaiting allocation as plain counts (the queue has no such filter)', async () => {
    open();
    await userEvent.click(within(await screen.findByRole('region', { name: 'Overdue tasks by agency' })).getByRole('button', { name: 'Show as table' }));
    const overdue = within(section('Overdue tasks by agency')).getByRole('table');
    expect(rowsOf(overdue)).toEqual([['Alderholt Council', '3']]);
    expect(within(overdue).queryByRole('link')).toBeNull();
    await userEvent.click(within(section('Cases waiting for allocation')).getByRole('button', { name: 'Show as table' }));
    expect(rowsOf(within(section('Cases waiting for allocation')).getByRole('table'))).toEqual([['Low', '0'], ['Medium', '2'], ['High', '0'], ['Very high', '0']]);
    // Nothing past review: said in words, with no empty chart or table.
    expect(within(section('Cases past their review date')).getByText('No open case of your agency is past its review date.')).toBeTruthy();
    expect(within(section('Cases past their review date')).queryByRole('button')).toBeNull();
  });

  it('links past-review counts to the queue of my agency’s overdue reviews', async () => {
    open(practitioner, data({ pastReview: risks(0, 0, 1, 0) }));
    await userEvent.click(within(await screen.findByRole('region', { name: 'Cases past their review date' })).getByRole('button', { name: 'Show as table' }));
    expect(screen.getByRole('link', { name: '1: High, open cases (show in the queue)' }).getAttribute('href'))
      .toBe(`#/queue?risk=high&overdue=1&owner=${practitioner.agencyId}`);
  });

  it('gives a team manager workload per worker, naming the manager and showing colleagues by ID; a practitioner has no such section', async () => {
    open(manager, data({ workers: [{ userId: COLLEAGUE, openCases: 4, openTasks: 1 }, { userId: manager.id, openCases: 1, openTasks: 0 }] }));
    const workers = await screen.findByRole('region', { name: 'Workload per worker' });
    await userEvent.click(within(workers).getByRole('button', { name: 'Show as table' }));
    expect(rowsOf(within(workers).getByRole('table', { name: 'Open cases and open tasks per member of my teams' })))
      .toEqual([['Colleague 9e8d7c6b', '4', '1'], ['Sgt Test Manager (you)', '1', '0']]);
    cleanup();
    open();
    await screen.findByRole('region', { name: 'My workload' });
    expect(screen.queryByRole('region', { name: 'Workload per worker' })).toBeNull();
  });

  it('opens a table from the keyboard alone', async () => {
    open();
    const toggle = within(await screen.findByRole('region', { name: 'My workload' })).getByRole('button', { name: 'Show as table' });
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await userEvent.tab();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('1: Low, open cases (show in the queue)');
  });

  it('says when I am in no team', async () => {
    open(buildSessionUser({ teamIds: [] }), data({ teamCases: [] }));
    expect(await screen.findByText('You are not in a team.')).toBeTruthy();
  });
});
