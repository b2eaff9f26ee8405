/**
 * The sharing dialog end to end, with two agencies' desktops in two browser contexts (two desktop
 * cores with their own encrypted caches, behind two loopback hosts, on the one real server): the
 * police owner restricts a case shared with Riverton City Council to the police only, and the
 * council officer's queue loses it at the next sync; and two sessions changing the sharing from the
 * same version end in a conflict the police officer resolves, never a silent overwrite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { CaseSummary } from '../../domain/entities/case.ts';
import type { CaseSharingView } from '../../domain/entities/sharing.ts';
import { createDesktopCore } from '../../main/core/create-desktop-core.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { startLoopbackHost } from '../../main/loopback/loopback-host.ts';
import { createKeyringSecretStore } from '../../main/secrets/keyring-secret-store.ts';
import { DEMO_USERS } from '../../server/seed/demo-directory.ts';
import { apiSignIn, callJsonApi, context, expectAccessibleScreen, leaveSignedOut, openSignedIn, signInAs } from './e2e-support.ts';

const raj = DEMO_USERS.find((u) => u.username === 'raj.patel')!;
// A team manager of the police, changing the sharing in another session "behind" the desktop.
const sergeant = DEMO_USERS.find((u) => u.username === 'sgt.owen.price')!;

let councilCore: DesktopCore;
let councilHost: { url: string; close: () => Promise<void> };
let councilDir = '';
let police = '';
let shared: CaseSummary;

test.beforeAll(async () => {
  // The council officer's own desktop: a second core and loopback host on the same server.
  councilDir = mkdtempSync(join(tmpdir(), 'cb-e2e-council-'));
  councilCore = createDesktopCore({ serverUrl: context.serverUrl, dataDir: councilDir, secretStore: createKeyringSecretStore(`casebridge-e2e-council-${process.pid}`) });
  councilHost = await startLoopbackHost({ core: councilCore, rendererDir: join(process.cwd(), 'dist', 'renderer') });

  // A case the police practitioner owns, shared with the whole of Riverton City Council.
  police = await apiSignIn(context.user.username, context.user.password);
  shared = await callJsonApi<CaseSummary>(police, 'POST', '/cases', { title: 'Repeated ASB at Mill Lane flats', caseType: 'asb' });
  expect(shared.abilities.share).toBe(true);
  const view = await callJsonApi<CaseSharingView>(police, 'GET', `/cases/${shared.id}/sharing`);
  const council = view.agencies.find((a) => a.name === 'Riverton City Council')!;
  shared = await callJsonApi<CaseSummary>(police, 'PUT', `/cases/${shared.id}/sharing`, {
    sharingLevel: 'shared', agencyIds: [council.id], hiddenFromSearch: false, expectedVersion: shared.version,
  });
});

test.afterAll(async ({ browser }) => {
  await leaveSignedOut(browser);
  await councilHost.close();
  await councilCore.close();
  rmSync(councilDir, { recursive: true, force: true });
});

/** Opens the council officer's desktop, signed in and synced. */
async function openCouncil(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, raj, councilHost.url);
  return page;
}

async function syncNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 20_000 });
}

async function openCase(page: Page): Promise<void> {
  await page.getByLabel('Filter cases').fill(shared.reference);
  await page.getByRole('button', { name: `Open case ${shared.reference}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: shared.title })).toBeVisible();
}

test("the owner restricts sharing to the police, and the council officer's queue loses the case", async ({ browser }) => {
  const council = await openCouncil(browser);
  await council.getByLabel('Filter cases').fill(shared.reference);
  await expect(council.getByRole('button', { name: `Open case ${shared.reference}` })).toBeVisible();

  const page = await (await browser.newContext()).newPage();
  await openSignedIn(page);
  await syncNow(page);
  await openCase(page);
  await page.getByRole('button', { name: 'Sharing…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Who can see this case' });
  const summary = dialog.getByTestId('sharing-summary');
  await expect(summary).toContainText('Visible to: Northshire Police — all staff; Riverton City Council — all staff');
  await expectAccessibleScreen(page, 'sharing-dialog');
  // Named teams: the summary follows the choice.
  await dialog.getByTestId('share-agency-Riverton City Council').getByRole('checkbox', { name: 'All staff' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Community Safety Team' }).check();
  await expect(summary).toContainText('Visible to: Northshire Police — all staff; Riverton City Council — Community Safety Team');
  // Keyboard: the level is a radio group operated with the arrow keys.
  await dialog.getByRole('radio', { name: 'Named agencies, teams and people' }).focus();
  await page.keyboard.press('ArrowUp');
  await expect(dialog.getByRole('radio', { name: 'Owner agency' })).toBeChecked();
  await expect(summary).toContainText('Visible to: Northshire Police — all staff');
  await expect(summary).not.toContainText('Riverton');
  await dialog.getByRole('button', { name: 'Save sharing' }).click();
  await expect(page.getByTestId('sharing-saved')).toContainText('Sharing saved. Visible to: Northshire Police — all staff');
  expect((await callJsonApi<CaseSharingView>(police, 'GET', `/cases/${shared.id}/sharing`)).sharing).toMatchObject({ sharingLevel: 'owner_agency', agencyIds: [] });

  await syncNow(council);
  await council.getByLabel('Filter cases').fill(shared.reference);
  await expect(council.getByRole('button', { name: `Open case ${shared.reference}` })).toHaveCount(0);
  await council.context().close();
  await page.context().close();
});

test('two sessions change the sharing from the same version: the second sees a conflict, what changed, and reapplies', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await openSignedIn(page);
  await syncNow(page);
  await openCase(page);
  await page.getByRole('button', { name: 'Sharing…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Who can see this case' });
  await expect(dialog.getByRole('radio', { name: 'Owner agency' })).toBeChecked();

  // Meanwhile the sergeant hides the case from search, from the same version.
  const them = await apiSignIn(sergeant.username, sergeant.password);
  const before = (await callJsonApi<CaseSharingView>(them, 'GET', `/cases/${shared.id}/sharing`)).sharing;
  await callJsonApi(them, 'PUT', `/cases/${shared.id}/sharing`, { sharingLevel: 'owner_agency', hiddenFromSearch: true, expectedVersion: before.version });

  await dialog.getByRole('radio', { name: 'Owner team' }).check();
  await dialog.getByRole('button', { name: 'Save sharing' }).click();
  const conflict = dialog.getByTestId('sharing-conflict');
  await expect(conflict).toContainText('Someone else changed who can see this case while you were choosing.');
  await expect(conflict).toContainText('It is now: Visible to: Northshire Police — all staff. Hidden from search');
  await expect(conflict).toContainText('Your choice: Visible to: Northshire Police — Neighbourhood Policing North');
  await expectAccessibleScreen(page, 'sharing-conflict');
  // Nothing was overwritten: the server still has the sergeant's change.
  expect((await callJsonApi<CaseSharingView>(them, 'GET', `/cases/${shared.id}/sharing`)).sharing)
    .toMatchObject({ sharingLevel: 'owner_agency', hiddenFromSearch: true, version: before.version + 1 });

  await conflict.getByRole('button', { name: 'Apply my choice' }).click();
  await expect(page.getByTestId('sharing-saved')).toContainText('Neighbourhood Policing North');
  expect((await callJsonApi<CaseSharingView>(them, 'GET', `/cases/${shared.id}/sharing`)).sharing)
    .toMatchObject({ sharingLevel: 'owner_team', version: before.version + 2 });
  await page.context().close();
});
