/**
 * Markers, end to end, two agencies on two desktops (the loopback host's core, and a second core and
 * loopback host started here for the council, each with its own encrypted cache): a police practitioner
 * (pc.amelia.hart) places a staff-safety warning on a person of a case shared with Riverton City Council;
 * the council practitioner (raj.patel, a second browser context) sees it on the case's banner, beside the
 * person in the people list, on the person's profile and in the queue after "Sync now". The police end it;
 * it leaves the council's screens. The police review a warning due soon from "Markers for review".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createDesktopCore } from '../../main/core/create-desktop-core.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { startLoopbackHost, type LoopbackHost } from '../../main/loopback/loopback-host.ts';
import { createKeyringSecretStore } from '../../main/secrets/keyring-secret-store.ts';
import { DEMO_USERS } from '../../server/seed/demo-directory.ts';
import { apiSignIn, callJsonApi, context, expectAccessibleScreen, leaveSignedOut } from './e2e-support.ts';

const police = DEMO_USERS.find((u) => u.username === 'pc.amelia.hart')!;
const council = DEMO_USERS.find((u) => u.username === 'raj.patel')!;

let councilDir = '';
let councilCore: DesktopCore;
let councilHost: LoopbackHost;

test.beforeAll(async () => {
  councilDir = mkdtempSync(join(tmpdir(), 'cb-e2e-council-'));
  councilCore = createDesktopCore({ serverUrl: context.serverUrl, dataDir: councilDir, secretStore: createKeyringSecretStore(`casebridge-e2e-council-${process.pid}`) });
  councilHost = await startLoopbackHost({ core: councilCore, rendererDir: join(process.cwd(), 'dist', 'renderer') });
});

test.afterAll(async ({ browser }) => {
  await leaveSignedOut(browser);
  await councilHost.close();
  await councilCore.close();
  rmSync(councilDir, { recursive: true, force: true });
});

/** Signs the app at `url` in as `user`, signing out whoever is signed in first (keeping the offline copies). */
async function openSignedInAs(page: Page, url: string, user: { username: string; password: string }): Promise<void> {
  await page.goto(url);
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

async function syncNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 20_000 });
}

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => { window.location.hash = h; }, hash);
}

test('a staff-safety warning placed by the police reaches the council\'s case, people list, profile and queue; ended, it leaves them', async ({ page, browser }) => {
  test.setTimeout(360_000);
  // A person on a police case shared with Riverton City Council, made through the API.
  const policeToken = await apiSignIn(police.username, police.password);
  const councilToken = await apiSignIn(council.username, council.password);
  const rccId = (await callJsonApi<{ agencyId: string }>(councilToken, 'GET', '/me')).agencyId;
  const familyName = `Thornbury${randomBytes(3).toString('hex')}`;
  const personId = (await callJsonApi<{ person: { id: string } }>(policeToken, 'POST', '/persons', {
    givenName: 'Ambrose', familyName, dateOfBirth: '1984-03-09', gender: 'male', consentStatus: 'not_sought',
  })).person.id;
  const created = await callJsonApi<{ id: string; reference: string; version: number }>(policeToken, 'POST', '/cases', { title: `Threats to staff, ${familyName}`, caseType: 'asb' });
  await callJsonApi(policeToken, 'PUT', `/cases/${created.id}/sharing`, {
    sharingLevel: 'shared', agencyIds: [rccId], teamIds: [], userIds: [], hiddenFromSearch: false, expectedVersion: created.version,
  });
  await callJsonApi(policeToken, 'POST', `/cases/${created.id}/subjects`, { personId, role: 'suspect' });
  const name = `Ambrose ${familyName}`;

  // The police practitioner places the warning from the person's profile.
  await openSignedInAs(page, context.url, police);
  await goTo(page, `#/persons/${personId}`);
  const profile = page.getByTestId('person-profile');
  await expect(profile.getByRole('heading', { level: 1, name })).toBeVisible();
  await profile.getByRole('button', { name: 'Add a warning' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a warning' });
  await expect(dialog.getByLabel('Type')).toHaveValue('staff_safety');
  await dialog.getByRole('button', { name: 'Save warning' }).click();
  await expect(dialog.getByRole('alert').first()).toBeVisible();
  await expectAccessibleScreen(page, 'marker-dialog-refused');
  await dialog.getByLabel('Description').fill('Threatened staff with a knife at the door; visit in pairs');
  await dialog.getByRole('button', { name: 'Save warning' }).click();
  await expect(dialog).toBeHidden();
  const banner = profile.getByTestId('marker-banner');
  await expect(banner).toContainText('Staff safety');
  await expect(banner).toContainText('Threatened staff with a knife at the door; visit in pairs');
  await expect(banner.getByRole('button', { name: 'End now' })).toBeVisible();
  await expectAccessibleScreen(page, 'person-profile-with-warning');
  await syncNow(page);

  // The council practitioner, on their own desktop, after "Sync now".
  const councilContext = await browser.newContext();
  const councilPage = await councilContext.newPage();
  await openSignedInAs(councilPage, councilHost.url, council);
  await syncNow(councilPage);
  await goTo(councilPage, `#/cases/${created.id}`);
  const caseScreen = councilPage.getByTestId('case-detail');
  await expect(caseScreen.getByTestId('marker-banner')).toContainText('Threatened staff with a knife at the door; visit in pairs');
  await expect(caseScreen.getByTestId('marker-banner')).toContainText(`Staff safety · on ${name}`);
  // Not theirs to change.
  await expect(caseScreen.getByTestId('marker-banner').getByRole('button', { name: 'End now' })).toHaveCount(0);
  await expect(caseScreen.getByRole('listitem').filter({ hasText: name }).getByTestId('marker-indicator')).toHaveText(/Staff safety warning/);
  await expectAccessibleScreen(councilPage, 'case-with-warning');
  await caseScreen.getByRole('button', { name }).click();
  await expect(councilPage.getByTestId('person-profile').getByTestId('marker-banner')).toContainText('Threatened staff with a knife');
  await goTo(councilPage, `#/queue?q=${created.reference}`);
  const row = councilPage.getByRole('row').filter({ hasText: created.reference });
  await expect(row.getByTestId('marker-indicator')).toHaveText(/Staff safety warning/);
  await expectAccessibleScreen(councilPage, 'queue-with-warning');

  // The police end it (asked first); after both sync it has left the council's screens.
  await profile.getByTestId('marker-banner').getByRole('button', { name: 'End now' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'End this warning now?' });
  await expectAccessibleScreen(page, 'end-warning-dialog');
  await confirm.getByRole('button', { name: 'End warning' }).click();
  await expect(profile.getByTestId('marker-banner')).toHaveCount(0);
  await syncNow(page);
  await syncNow(councilPage);
  await goTo(councilPage, `#/cases/${created.id}`);
  await expect(councilPage.getByTestId('case-detail').getByRole('heading', { level: 1 })).toBeVisible();
  await expect(councilPage.getByTestId('case-detail').getByTestId('marker-banner')).toHaveCount(0);
  await expect(councilPage.getByTestId('case-detail').getByTestId('marker-indicator')).toHaveCount(0);
  await goTo(councilPage, `#/persons/${personId}`);
  await expect(councilPage.getByTestId('person-profile').getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(councilPage.getByTestId('person-profile').getByTestId('marker-banner')).toHaveCount(0);
  await councilContext.close();

  // A warning on the case due for review in three days is on the police's review list; marked reviewed, it leaves it.
  const soon = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  await callJsonApi(policeToken, 'POST', '/markers', {
    subjectType: 'case', subjectId: created.id, markerType: 'weapons', description: `Firearm licence holder, ${familyName}`, reviewDate: soon,
  });
  await syncNow(page);
  await page.getByRole('button', { name: 'Markers for review' }).click();
  const review = page.getByTestId('markers-review');
  await expect(review.getByRole('heading', { level: 1, name: 'Markers due for review' })).toBeFocused();
  const item = review.getByTestId('review-marker').filter({ hasText: `Firearm licence holder, ${familyName}` });
  await expect(item).toContainText('Weapons');
  await expectAccessibleScreen(page, 'markers-for-review');
  await item.getByRole('button', { name: /Mark reviewed/ }).click();
  const reviewDialog = page.getByRole('dialog', { name: 'Mark warning reviewed' });
  await expectAccessibleScreen(page, 'review-warning-dialog');
  await reviewDialog.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(review.getByRole('status').filter({ hasText: 'Review saved on this computer' })).toBeVisible();
  await expect(item).toHaveCount(0);
});
