/**
 * The user's own notifications, end to end, on the council's laptop (a second desktop core behind
 * its own loopback host): the police give the council a task; without "Sync now" the council
 * user's top bar shows an unread count on Notifications; the screen lists "New task" unread, the
 * user marks it read, and after a reload it is still read. Then its link opens the task.
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
import { apiSignIn, callJsonApi, context, expectAccessibleScreen, leaveSignedOut, signInAs } from './e2e-support.ts';

interface CaseSummary { id: string; sharingLevel: string; sharedAgencyIds: string[]; abilities: { add_task: boolean } }
interface Assignees { agencies: Array<{ id: string; name: string }> }

const council = DEMO_USERS.find((u) => u.username === 'raj.patel')!;

let councilDir = '';
let councilCore: DesktopCore;
let councilHost: LoopbackHost;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
  councilDir = mkdtempSync(join(tmpdir(), 'cb-e2e-notify-'));
  councilCore = createDesktopCore({
    serverUrl: context.serverUrl, dataDir: join(councilDir, 'desktop'), secretStore: createKeyringSecretStore(`casebridge-e2e-notify-${process.pid}`),
  });
  councilHost = await startLoopbackHost({ core: councilCore, rendererDir: join(process.cwd(), 'dist', 'renderer') });
});

test.afterAll(async ({ browser }) => {
  test.setTimeout(120_000);
  await Promise.all(contexts.map((c) => c.close()));
  await leaveSignedOut(browser);
  await councilCore.handle('session.signOut', { wipeCache: true, discardUnsent: true });
  await councilHost.close();
  await councilCore.close();
  rmSync(councilDir, { recursive: true, force: true });
});

/** An open police case shared with Riverton City Council on which the practitioner may add tasks, and the council's id. */
async function sharedPoliceCase(token: string): Promise<{ caseId: string; councilId: string }> {
  const { cases } = await callJsonApi<{ cases: CaseSummary[] }>(token, 'GET', '/cases?status=open&limit=200');
  for (const c of cases.filter((x) => x.sharingLevel === 'shared' && x.sharedAgencyIds.length > 0 && x.abilities.add_task)) {
    const assignees = await callJsonApi<Assignees>(token, 'GET', `/cases/${c.id}/assignees`);
    const councilAgency = assignees.agencies.find((a) => a.name === 'Riverton City Council');
    if (councilAgency && c.sharedAgencyIds.includes(councilAgency.id)) {
      return { caseId: c.id, councilId: councilAgency.id };
    }
  }
  throw new Error('The demo data has no open police case shared with Riverton City Council.');
}

test('police assign the council a task: an unread count arrives, the council user marks it read, and it stays read after a reload', async ({ browser }) => {
  test.setTimeout(180_000);
  const councilContext = await browser.newContext();
  contexts.push(councilContext);
  const page = await councilContext.newPage();
  await signInAs(page, council, councilHost.url);
  // Whatever earlier specs left for the council is read first, so the count below is this task's.
  await page.getByRole('button', { name: /^Notifications/ }).click();
  const screen = page.getByTestId('notifications');
  await expect(screen.getByRole('heading', { level: 1, name: 'Notifications' })).toBeFocused();
  const markAll = screen.getByRole('button', { name: 'Mark all as read' });
  await expect(screen.getByRole('heading', { level: 2, name: /^For you/ })).toBeVisible();
  if (await markAll.isVisible()) {
    await markAll.click();
  }
  await expect(page.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible({ timeout: 20_000 });

  const police = await apiSignIn();
  const { caseId, councilId } = await sharedPoliceCase(police);
  const task = await callJsonApi<{ id: string }>(police, 'POST', `/cases/${caseId}/tasks`, {
    title: `Check on the family ${randomBytes(3).toString('hex')}`, assigneeAgencyId: councilId,
  });

  // Live: the server's poke starts a sync, which refreshes the count; no "Sync now".
  await expect(page.getByRole('button', { name: /^Notifications\s*,\s*1\s*unread$/ })).toBeVisible({ timeout: 60_000 });
  const newest = screen.getByTestId('my-notification').first();
  await expect(newest).toContainText('Unread New task for you or your team');
  await expectAccessibleScreen(page, 'my-notifications');
  await newest.getByRole('button', { name: /^Mark as read: New task/ }).click();
  await expect(newest).toContainText('Read New task for you or your team');
  await expect(page.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('sync-status')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(screen.getByTestId('my-notification').first()).toContainText('Read New task for you or your team');
  // Keyboard: its link opens the task.
  await screen.getByTestId('my-notification').first().getByRole('button', { name: 'Open the task' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/tasks/${task.id}`));
});
