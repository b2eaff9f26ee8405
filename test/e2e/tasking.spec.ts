/**
 * Cross-agency tasking, end to end, with two desktops (two browser contexts, each on its own desktop
 * core and loopback host, as two agencies' laptops are): the police practitioner gives a task on a
 * case shared with Riverton City Council to the council's Community Safety Team; the council
 * practitioner sees it arrive live, without "Sync now" (the server's real-time poke), and completes
 * it; the police see the completion. Then a task overdue by more than the escalation days shows as
 * escalated to the police team manager, who is also notified.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { expect, test, type BrowserContext } from '@playwright/test';
import { createDesktopCore } from '../../main/core/create-desktop-core.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { startLoopbackHost, type LoopbackHost } from '../../main/loopback/loopback-host.ts';
import { createKeyringSecretStore } from '../../main/secrets/keyring-secret-store.ts';
import { DEMO_USERS } from '../../server/seed/demo-directory.ts';
import { apiSignIn, callJsonApi, context, expectAccessibleScreen, leaveSignedOut, openSignedIn, signInAs } from './e2e-support.ts';

interface CaseSummary { id: string; reference: string; title: string; status: string; ownerAgencyId: string; sharingLevel: string; sharedAgencyIds: string[]; abilities: { add_task: boolean } }
interface Assignees { agencies: Array<{ id: string; name: string; owner: boolean; teams: Array<{ id: string; name: string }> }> }

const demo = (username: string) => DEMO_USERS.find((u) => u.username === username)!;
const council = demo('raj.patel');
const manager = demo('sgt.owen.price');

// The council's laptop: a second desktop core behind its own loopback host, on the same server.
let councilDir = '';
let councilCore: DesktopCore;
let councilHost: LoopbackHost;
// Closed before the host, whose close waits for their open event streams.
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
  councilDir = mkdtempSync(join(tmpdir(), 'cb-e2e-council-'));
  councilCore = createDesktopCore({
    serverUrl: context.serverUrl, dataDir: join(councilDir, 'desktop'), secretStore: createKeyringSecretStore(`casebridge-e2e-council-${process.pid}`),
  });
  councilHost = await startLoopbackHost({ core: councilCore, rendererDir: join(process.cwd(), 'dist', 'renderer') });
});

test.afterAll(async ({ browser }) => {
  test.setTimeout(120_000);
  await Promise.all(contexts.map((c) => c.close()));
  await leaveSignedOut(browser);
  await councilHost.close();
  await councilCore.close();
  rmSync(councilDir, { recursive: true, force: true });
});

/** An open police case shared by name with Riverton City Council, on which the practitioner may add tasks. */
async function sharedPoliceCase(token: string): Promise<{ c: CaseSummary; assignees: Assignees; councilId: string }> {
  const { cases } = await callJsonApi<{ cases: CaseSummary[] }>(token, 'GET', '/cases?status=open&limit=200');
  for (const c of cases.filter((x) => x.sharingLevel === 'shared' && x.sharedAgencyIds.length > 0 && x.abilities.add_task)) {
    const assignees = await callJsonApi<Assignees>(token, 'GET', `/cases/${c.id}/assignees`);
    const councilAgency = assignees.agencies.find((a) => a.name === 'Riverton City Council');
    if (assignees.agencies[0]?.name === 'Northshire Police' && councilAgency && c.sharedAgencyIds.includes(councilAgency.id)) {
      return { c, assignees, councilId: councilAgency.id };
    }
  }
  throw new Error('The demo data has no open police case shared with Riverton City Council.');
}

test('police give the council a task; the council sees it arrive live, completes it, and the police see it done', async ({ browser, page }) => {
  // Two first syncs of the demo data and three accessibility scans.
  test.setTimeout(180_000);
  const police = await apiSignIn();
  const { c } = await sharedPoliceCase(police);
  const title = `Check the door entry ${randomBytes(3).toString('hex')}`;

  // The council practitioner waits on My tasks.
  const councilContext = await browser.newContext();
  contexts.push(councilContext);
  const councilPage = await councilContext.newPage();
  await signInAs(councilPage, council, councilHost.url);
  await councilPage.getByRole('button', { name: 'Tasks' }).click();
  const councilTasks = councilPage.getByTestId('tasks');
  await expect(councilTasks.getByRole('heading', { level: 1, name: 'Tasks' })).toBeFocused();
  await expect(councilTasks.getByRole('tab', { name: 'My tasks', selected: true })).toBeVisible();

  // The police practitioner adds the task on the case screen.
  await openSignedIn(page);
  await page.goto(`${context.url.split('#')[0]}#/cases/${c.id}`);
  const caseScreen = page.getByTestId('case-detail');
  await expect(caseScreen.getByRole('heading', { level: 1, name: c.title })).toBeVisible();
  await caseScreen.getByRole('button', { name: 'Add a task' }).click();
  await caseScreen.getByLabel('What needs doing').fill(title);
  await caseScreen.getByLabel('Assign to').selectOption({ label: 'Community Safety Team (team)' });
  await caseScreen.getByLabel('Description (optional)').fill('The resident reports the door entry system is broken.');
  await expectAccessibleScreen(page, 'case-add-task');
  await caseScreen.getByRole('button', { name: 'Save task' }).click();
  await expect(caseScreen.getByRole('status').filter({ hasText: 'Task saved on this computer' })).toBeVisible();
  await expect(caseScreen.getByRole('listitem').filter({ hasText: title })).toContainText('Riverton City Council');
  // The police practitioner keeps the task's screen open.
  await caseScreen.getByRole('button', { name: title }).click();
  const policeTask = page.getByTestId('task-detail');
  await expect(policeTask.getByRole('heading', { level: 1, name: title })).toBeFocused();
  await expect(policeTask.getByTestId('task-status')).toHaveText('Open');

  // It arrives on the council's laptop without anyone pressing "Sync now".
  const row = councilTasks.getByTestId('task-row').filter({ hasText: title });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row).toContainText(c.reference);
  await expect(row).toContainText('Your team (Riverton City Council)');
  await expectAccessibleScreen(councilPage, 'tasks-mine');

  // The council opens it, adds an update and marks it done.
  await row.getByRole('button', { name: title }).click();
  const councilTask = councilPage.getByTestId('task-detail');
  await expect(councilTask.getByRole('heading', { level: 1, name: title })).toBeFocused();
  await councilTask.getByLabel('New update').fill('Door entry repaired by the contractor.');
  await councilTask.getByRole('button', { name: 'Add update' }).click();
  await expect(councilTask.getByRole('listitem').filter({ hasText: 'Door entry repaired by the contractor.' })).toBeVisible();
  await councilTask.getByLabel('Status', { exact: true }).selectOption('done');
  await councilTask.getByRole('button', { name: 'Save status' }).click();
  await expect(councilTask.getByTestId('task-status')).toHaveText('Done');
  await expectAccessibleScreen(councilPage, 'task-detail');
  await expect(councilPage.getByTestId('sync-status')).toContainText('Up to date', { timeout: 30_000 });

  // The police see the completion and the update arrive, again without "Sync now".
  await expect(policeTask.getByTestId('task-status')).toHaveText('Done', { timeout: 30_000 });
  await expect(policeTask.getByRole('listitem').filter({ hasText: 'Door entry repaired by the contractor.' })).toBeVisible();
  await councilContext.close();
});

test('a task overdue by more than two days shows as escalated to the assignee team manager', async ({ browser }) => {
  test.setTimeout(120_000);
  const police = await apiSignIn();
  const { c, assignees } = await sharedPoliceCase(police);
  const north = assignees.agencies[0]!.teams.find((t) => t.name === 'Neighbourhood Policing North')!;
  const title = `Return the CCTV request ${randomBytes(3).toString('hex')}`;
  const due = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);

  // The sergeant signs in on the second laptop (the council user signs out first, keeping nothing).
  const managerContext = await browser.newContext();
  contexts.push(managerContext);
  const managerPage = await managerContext.newPage();
  await managerPage.goto(councilHost.url);
  await expect(managerPage.getByLabel('Username').or(managerPage.getByTestId('sync-status'))).toBeVisible();
  if (await managerPage.getByTestId('sync-status').isVisible()) {
    await managerPage.getByRole('button', { name: 'Sign out' }).click();
    await managerPage.getByRole('dialog', { name: 'Sign out of Casebridge?' }).getByRole('button', { name: 'Sign out' }).click();
  }
  await signInAs(managerPage, manager, councilHost.url);
  // The demo's own overdue tasks escalate to the sergeant too: read those first, so the unread one below is this task's.
  await managerPage.getByRole('button', { name: /^Notifications/ }).click();
  const notifications = managerPage.getByTestId('notifications');
  await expect(notifications.getByRole('heading', { level: 2, name: /^For you/ })).toBeVisible();
  const markAll = notifications.getByRole('button', { name: 'Mark all as read' });
  if (await markAll.isVisible()) {
    await markAll.click();
  }
  await expect(managerPage.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible({ timeout: 20_000 });

  await callJsonApi(police, 'POST', `/cases/${c.id}/tasks`, { title, assigneeAgencyId: assignees.agencies[0]!.id, assigneeTeamId: north.id, dueDate: due });
  await managerPage.goto(`${councilHost.url.split('#')[0]}#/tasks?view=escalated`);
  const tasks = managerPage.getByTestId('tasks');
  await expect(tasks.getByRole('tab', { name: 'Escalated', selected: true })).toBeVisible();
  // It arrives live: the server's poke starts a sync.
  const row = tasks.getByTestId('task-row').filter({ hasText: title });
  await expect(row).toContainText('Escalated', { timeout: 60_000 });
  await expect(row).toContainText(c.reference);
  await expectAccessibleScreen(managerPage, 'tasks-escalated');
  // Keyboard: the tabs move with the arrow keys.
  await tasks.getByRole('tab', { name: 'Escalated' }).focus();
  await managerPage.keyboard.press('ArrowLeft');
  await expect(tasks.getByRole('tab', { name: 'My team’s tasks', selected: true })).toBeFocused();
  await expect(tasks.getByTestId('task-row').filter({ hasText: title })).toContainText('Escalated');
  // The sergeant is also notified, in words that name no one; its link opens the task.
  await managerPage.getByRole('button', { name: /^Notifications/ }).click();
  const escalated = notifications.getByTestId('my-notification').filter({ hasText: 'Unread An overdue task has been escalated to you' });
  await expect(escalated).toHaveCount(1, { timeout: 20_000 });
  await expect(escalated).not.toContainText(title);
  await escalated.getByRole('button', { name: 'Open the task' }).click();
  await expect(managerPage.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await managerContext.close();
});
