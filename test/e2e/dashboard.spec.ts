/**
 * The Dashboard, end to end: the police practitioner and her team manager (server/seed/demo-directory.ts)
 * open it from the top bar; each figure linked to the queue matches the queue's own count; a chart's
 * table is reached and opened by keyboard alone; the charts draw under the app's Content Security
 * Policy (no violation reported); axe finds nothing serious. Offline use is proven in
 * test/desktop/core-dashboard.test.ts (the harness shares one server across the specs, so it is not stopped here).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_USERS } from '../../server/seed/demo-directory.ts';
import { context, expectAccessibleScreen, leaveSignedOut, openSignedIn, seriousViolations } from './e2e-support.ts';

const manager = DEMO_USERS.find((u) => u.username === 'sgt.owen.price')!;

test.afterAll(async ({ browser }) => {
  await leaveSignedOut(browser);
});

/** Records every Content Security Policy violation the page reports, from its first script on. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/** Signs the app in as `user`, signing out whoever is signed in first (keeping the offline copies). */
async function openSignedInAs(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.goto(context.url);
  await expect(page.getByLabel('Username').or(page.getByTestId('sync-status'))).toBeVisible();
  if (await page.getByTestId('sync-status').isVisible()) {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('dialog', { name: 'Sign out of Casebridge?' }).getByRole('button', { name: 'Sign out' }).click();
  }
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 30_000 });
}

async function openDashboard(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Dashboard' }).click();
  await expect(page).toHaveURL(/#\/dashboard$/);
  const screen = page.getByTestId('dashboard');
  await expect(screen.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeFocused();
  await expect(screen.getByTestId('dashboard-my-workload')).toBeVisible();
  return screen;
}

/** The counts of a shown table's column `column` (0 = first count column), by row header. */
async function tableCounts(table: Locator, column = 0): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const row of await table.locator('tbody tr').all()) {
    counts.set(await row.locator('th').innerText(), Number(await row.locator('td').nth(column).innerText()));
  }
  return counts;
}

/** Follows the link named `linkName` in the table of `section` and checks the queue lists exactly `count` cases; then goes Back. */
async function expectQueueCount(page: Page, section: Locator, linkName: string, count: number): Promise<void> {
  // Back shows the Dashboard afresh, with its tables closed.
  const toggle = section.getByRole('button', { name: 'Show as table' });
  if (await toggle.isVisible()) {
    await toggle.click();
  }
  const link = section.getByRole('table').getByRole('link', { name: linkName });
  const href = (await link.getAttribute('href'))!;
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[?]/g, '\\?')}$`));
  await expect(page.getByText(`${count} ${count === 1 ? 'case' : 'cases'}`, { exact: true })).toBeVisible({ timeout: 15_000 });
  await page.goBack();
  await expect(section).toBeVisible();
}

test('a practitioner opens the Dashboard: the counts match the queue, the tables open by keyboard, and the charts draw under the CSP', async ({ page }) => {
  test.setTimeout(120_000);
  const cspViolations = await watchCsp(page);
  await openSignedIn(page);
  let screen = await openDashboard(page);
  const workload = screen.getByTestId('dashboard-my-workload');

  // The chart is drawn (recharts' keyboard layer makes it a focusable application) and its arrow keys read out a bar.
  const chart = workload.locator('svg[role="application"]');
  await expect(chart).toBeVisible();
  await chart.focus();
  await page.keyboard.press('ArrowRight');
  await expect(workload.locator('.recharts-tooltip-wrapper')).toContainText('Open cases');
  // The tooltip takes the theme's colours in both themes (recharts' own are a white box with coloured lines).
  const shownTheme = await page.evaluate(() => document.documentElement.dataset.theme ?? '');
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => { document.documentElement.dataset.theme = t; }, theme);
    expect(await seriousViolations(page, '[data-testid="dashboard-my-workload"] .recharts-tooltip-wrapper'), `tooltip, ${theme} theme`).toEqual([]);
  }
  await page.evaluate((t) => { document.documentElement.dataset.theme = t; }, shownTheme);

  // Keyboard alone: from the heading, Tab reaches "Cases with my tasks", then "Show as table"; Enter opens the table.
  await screen.getByRole('heading', { level: 1, name: 'Dashboard' }).focus();
  await page.keyboard.press('Tab');
  await expect(workload.getByRole('link', { name: 'Show in the queue' })).toBeFocused();
  await page.keyboard.press('Tab');
  const toggle = workload.getByRole('button', { name: 'Show as table' });
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(workload.getByRole('button', { name: 'Hide table' })).toHaveAttribute('aria-expanded', 'true');
  const table = workload.getByRole('table', { name: 'My open cases by risk level' });
  await expect(table).toBeVisible();
  // The chart comes next, then its table beside it.
  await page.keyboard.press('Tab');
  await expect(chart).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(table.getByRole('link').first()).toBeFocused();

  // Every risk level's count is what the queue shows for my open cases at that level.
  const mine = await tableCounts(table);
  expect([...mine.keys()]).toEqual(['Low', 'Medium', 'High', 'Very high']);
  expect([...mine.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  for (const [risk, count] of mine) {
    await expectQueueCount(page, workload, `${count}: ${risk}, open cases (show in the queue)`, count);
  }
  await expect(page.getByTestId('my-open-tasks')).toHaveText(/^\d+$/);

  // My team's open cases: each type's total is what the queue shows for that type in my team's open cases.
  const team = page.getByTestId('dashboard-team-cases');
  await team.getByRole('button', { name: 'Show as table' }).click();
  const teamTable = team.getByRole('table');
  const totals = await tableCounts(teamTable, 4);
  expect(totals.size).toBeGreaterThan(0);
  const [type, total] = [...totals][0]!;
  await expectQueueCount(page, team, `${total}: ${type}, all risk levels (show in the queue)`, total);

  // Not a team manager: no per-worker section.
  screen = page.getByTestId('dashboard');
  await expect(screen.getByRole('heading', { name: 'Workload per worker' })).toHaveCount(0);
  for (const name of ['Overdue tasks by agency', 'Cases waiting for allocation', 'Cases past their review date']) {
    await expect(screen.getByRole('heading', { level: 2, name })).toBeVisible();
  }
  await expectAccessibleScreen(page, 'dashboard-practitioner');
  expect(await cspViolations()).toEqual([]);
});

test('a team manager sees workload per worker, adding up to their teams’ open cases', async ({ page }) => {
  test.setTimeout(120_000);
  const cspViolations = await watchCsp(page);
  await openSignedInAs(page, manager);
  const screen = await openDashboard(page);
  const workers = screen.getByTestId('dashboard-workers');
  await expect(workers.getByRole('heading', { level: 2, name: 'Workload per worker' })).toBeVisible();
  await expect(workers.locator('svg[role="application"]')).toBeVisible();
  await workers.getByRole('button', { name: 'Show as table' }).click();
  const perWorker = await tableCounts(workers.getByRole('table', { name: 'Open cases and open tasks per member of my teams' }));
  expect([...perWorker.keys()]).toContain(`${manager.displayName} (you)`);

  // Every demo case has an owner in its team, so the members' open cases add up to the team's open cases.
  const team = screen.getByTestId('dashboard-team-cases');
  await team.getByRole('button', { name: 'Show as table' }).click();
  const teamTotals = await tableCounts(team.getByRole('table'), 4);
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  expect(sum(perWorker)).toBe(sum(teamTotals));
  expect(sum(perWorker)).toBeGreaterThan(0);

  await expectAccessibleScreen(page, 'dashboard-team-manager');
  expect(await cspViolations()).toEqual([]);
});
