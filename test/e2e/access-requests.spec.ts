/**
 * Access requests end to end, with two desktops in two browser contexts (real server, two real
 * encrypted caches): a police practitioner finds a person only housing sees as a signpost stub and
 * asks for access; housing's agency admin, on their own desktop, sees it in the inbox and approves
 * it with an expiry; after sync the person's record is on the practitioner's computer and their
 * list says approved; housing withdraws the grant early; after sync the record has gone again.
 * A grant left to lapse: at its expiry the case leaves the computer and the request says expired.
 * The inbox, the approve dialog and "My access requests" pass axe as shown, at 200 % zoom and dark.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { createDesktopCore } from '../../main/core/create-desktop-core.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { startLoopbackHost, type LoopbackHost } from '../../main/loopback/loopback-host.ts';
import { createKeyringSecretStore } from '../../main/secrets/keyring-secret-store.ts';
import { DEMO_USERS } from '../../server/seed/demo-directory.ts';
import { apiSignIn, callJsonApi, context, expectAccessibleScreen, leaveSignedOut, openSignedIn, signInAs } from './e2e-support.ts';

const housingAdmin = DEMO_USERS.find((u) => u.agencyCode === 'RHA' && u.role === 'agency_admin')!;
const housingWorker = DEMO_USERS.find((u) => u.agencyCode === 'RHA' && u.role === 'practitioner')!;
const requester = DEMO_USERS.find((u) => u.username === context.user.username)!;

// Housing's own desktop: a second core with its own encrypted cache, behind its own loopback host.
let ownerDir = '';
let ownerCore: DesktopCore;
let ownerHost: LoopbackHost;

test.beforeAll(async () => {
  ownerDir = mkdtempSync(join(tmpdir(), 'cb-e2e-owner-'));
  ownerCore = createDesktopCore({ serverUrl: context.serverUrl, dataDir: ownerDir, secretStore: createKeyringSecretStore(`casebridge-e2e-owner-${process.pid}`) });
  ownerHost = await startLoopbackHost({ core: ownerCore, rendererDir: join(process.cwd(), 'dist', 'renderer') });
});

test.afterAll(async ({ browser }) => {
  await leaveSignedOut(browser);
  await ownerCore.handle('session.signOut', { wipeCache: true, discardUnsent: true });
  await ownerHost.close();
  await ownerCore.close();
  rmSync(ownerDir, { recursive: true, force: true });
});

/** Presses "Sync now" and waits until the copy is up to date. */
async function syncNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 20_000 });
}

/** Searches for `name` from the top bar's "Find a person". */
async function findPerson(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Find a person' }).click();
  await page.getByLabel('Name or alias').fill(name);
  await page.getByRole('button', { name: 'Search' }).click();
}

test('a signpost stub → request access → housing approves on its desktop → the record arrives → housing withdraws it → it leaves', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const familyName = `Pennyfeather${randomBytes(3).toString('hex')}`;
  const name = `Ossian ${familyName}`;
  const housing = await apiSignIn(housingWorker.username, housingWorker.password);
  const { person } = await callJsonApi<{ person: { id: string } }>(housing, 'POST', '/persons', {
    givenName: 'Ossian', familyName, dateOfBirth: '1984-06-11', gender: 'male', consentStatus: 'not_sought',
  });
  const housingCase = await callJsonApi<{ id: string }>(housing, 'POST', '/cases', { title: `Tenancy breach ${familyName}`, caseType: 'asb' });
  await callJsonApi(housing, 'POST', `/cases/${housingCase.id}/subjects`, { personId: person.id, role: 'subject' });

  // The police practitioner: housing's tenant is only a stub; they ask housing for access.
  await openSignedIn(page);
  await syncNow(page);
  await findPerson(page, name);
  await expect(page.getByText('Nobody on this computer matches.')).toBeVisible();
  const stub = page.getByTestId('person-stub');
  await expect(stub).toContainText('Riverton Homes Association');
  await stub.getByRole('button', { name: `Request access to ${name}` }).click();
  const ask = page.getByRole('dialog', { name: `Ask for access to ${name}` });
  const reason = `Joint visit with housing planned ${familyName}; need the tenancy history first.`;
  await ask.getByLabel('Why do you need to see this person’s records?').fill(reason);
  await ask.getByRole('button', { name: 'Send request' }).click();
  await expect(stub.getByRole('status')).toContainText('Request sent');

  await page.getByRole('button', { name: 'Access requests' }).click();
  await expect(page).toHaveURL(/#\/access-requests/);
  const mine = page.getByTestId('access-request').filter({ hasText: reason });
  await expect(mine.getByTestId('access-request-outcome')).toHaveText('Waiting for Riverton Homes Association to decide');
  await expect(mine).toContainText('A person record held by Riverton Homes Association');
  await expectAccessibleScreen(page, 'my-access-requests');

  // Housing's agency admin, on housing's desktop, in a second browser context.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signInAs(owner, housingAdmin, ownerHost.url);
  await owner.getByRole('button', { name: 'Access requests' }).click();
  await expect(owner.getByRole('heading', { level: 1, name: 'Access requests' })).toBeFocused();
  const waiting = owner.getByRole('list', { name: 'Waiting for a decision' }).getByTestId('access-request').filter({ hasText: reason });
  // Named from housing's own copy: housing owns the person.
  await expect(waiting).toContainText(name);
  await expect(waiting).toContainText(`${requester.displayName}, ${context.user.agencyName}`);
  await expectAccessibleScreen(owner, 'access-requests-inbox');

  await waiting.getByRole('button', { name: `Approve the request from ${requester.displayName}` }).click();
  const approve = owner.getByRole('dialog', { name: `Approve access for ${requester.displayName}` });
  await expect(approve.getByRole('spinbutton', { name: /day/i })).toBeVisible();
  await expectAccessibleScreen(owner, 'approve-access-dialog');
  await approve.getByRole('button', { name: 'Approve' }).click();
  await expect(approve).toBeHidden();
  await expect(owner.getByRole('status').filter({ hasText: 'Approved' })).toBeVisible();
  await expect(owner.getByRole('list', { name: 'Waiting for a decision' }).getByTestId('access-request').filter({ hasText: reason })).toHaveCount(0);

  // The practitioner: after sync the person is on this computer, and the request says until when.
  await syncNow(page);
  await expect(mine.getByTestId('access-request-outcome')).toContainText('Approved — access until');
  await expect(mine).toContainText(name);
  await findPerson(page, name);
  await expect(page.getByTestId('person-hit').filter({ hasText: name })).toHaveCount(1);

  // Housing withdraws the access early, from the approved view.
  await owner.getByRole('button', { name: /^Approved \(\d+\)$/ }).click();
  const inForce = owner.getByRole('list', { name: 'Access in force' }).getByTestId('access-request').filter({ hasText: reason });
  await expectAccessibleScreen(owner, 'access-requests-approved');
  await inForce.getByRole('button', { name: `Withdraw access for ${requester.displayName}` }).click();
  await owner.getByRole('alertdialog', { name: `Withdraw access for ${requester.displayName}?` }).getByRole('button', { name: 'Withdraw access' }).click();
  await expect(owner.getByRole('status').filter({ hasText: 'Access withdrawn' })).toBeVisible();
  await expect(inForce).toHaveCount(0);

  // The practitioner: after sync the person has left this computer; the request says withdrawn.
  await syncNow(page);
  await findPerson(page, name);
  await expect(page.getByText('Nobody on this computer matches.')).toBeVisible();
  await page.getByRole('button', { name: 'Access requests' }).click();
  await expect(mine.getByTestId('access-request-outcome')).toContainText('Access withdrawn by Riverton Homes Association');
  await ownerContext.close();
});

test('a case signpost by reference → request access → housing approves → the case opens on this computer → housing withdraws it → it leaves', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const housing = await apiSignIn(housingWorker.username, housingWorker.password);
  const title = `Noise nuisance ${randomBytes(3).toString('hex')}`;
  const housingCase = await callJsonApi<{ id: string; reference: string }>(housing, 'POST', '/cases', { title, caseType: 'asb' });

  // The practitioner looks the reference up from My requests: a signpost naming housing.
  await openSignedIn(page);
  await page.getByRole('button', { name: 'Access requests' }).click();
  await page.getByLabel('Case reference').fill(housingCase.reference);
  await page.getByRole('button', { name: 'Find case' }).click();
  const signpost = page.getByTestId('case-signpost');
  await expect(signpost).toContainText(`Case ${housingCase.reference} is held by Riverton Homes Association. You cannot see it.`);
  await expect(signpost).not.toContainText(title);
  await signpost.getByRole('button', { name: `Request access to case ${housingCase.reference}` }).click();
  const ask = page.getByRole('dialog', { name: `Ask for access to case ${housingCase.reference}` });
  await expectAccessibleScreen(page, 'request-case-access-dialog');
  const reason = `Repeat callouts to the address of ${housingCase.reference}; need the housing history.`;
  await ask.getByLabel('Why do you need to see this case?').fill(reason);
  await ask.getByRole('button', { name: 'Send request' }).click();
  await expect(signpost).toContainText('Request sent to Riverton Homes Association');
  const mine = page.getByTestId('access-request').filter({ hasText: reason });
  await expect(mine.getByTestId('access-request-outcome')).toHaveText('Waiting for Riverton Homes Association to decide');

  // Housing's admin approves on housing's desktop; the inbox names the case from housing's copy.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await owner.goto(ownerHost.url);
  await expect(owner.getByTestId('sync-status')).toBeVisible({ timeout: 30_000 });
  await syncNow(owner);
  await owner.getByRole('button', { name: 'Access requests' }).click();
  const waiting = owner.getByRole('list', { name: 'Waiting for a decision' }).getByTestId('access-request').filter({ hasText: reason });
  await expect(waiting).toContainText(`${housingCase.reference} — ${title}`);
  await waiting.getByRole('button', { name: `Approve the request from ${requester.displayName}` }).click();
  const approve = owner.getByRole('dialog', { name: `Approve access for ${requester.displayName}` });
  await approve.getByRole('button', { name: 'Approve' }).click();
  await expect(approve).toBeHidden();

  // After sync the case is on the practitioner's computer and opens.
  await syncNow(page);
  await expect(mine.getByTestId('access-request-outcome')).toContainText('Approved — access until');
  await page.getByRole('button', { name: 'Find case' }).click();
  await signpost.getByRole('button', { name: `Open case ${housingCase.reference}` }).click();
  await expect(page.getByTestId('case-detail')).toContainText(title);

  // Housing withdraws it early; after sync it has left this computer.
  await owner.getByRole('button', { name: /^Approved \(\d+\)$/ }).click();
  await owner.getByRole('list', { name: 'Access in force' }).getByTestId('access-request').filter({ hasText: reason })
    .getByRole('button', { name: `Withdraw access for ${requester.displayName}` }).click();
  await owner.getByRole('alertdialog', { name: `Withdraw access for ${requester.displayName}?` }).getByRole('button', { name: 'Withdraw access' }).click();
  await expect(owner.getByRole('status').filter({ hasText: 'Access withdrawn' })).toBeVisible();
  await syncNow(page);
  // The open case screen reads the copy again: the case is no longer there.
  await expect(page.getByText('This case is not in the offline copy on this computer.', { exact: false })).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);
  await page.getByRole('button', { name: 'Access requests' }).click();
  await expect(mine.getByTestId('access-request-outcome')).toContainText('Access withdrawn by Riverton Homes Association');
  await ownerContext.close();
});

test('an approved grant lapses at its expiry: the case leaves this computer and the request says expired', async ({ page }) => {
  test.setTimeout(150_000);
  const housing = await apiSignIn(housingWorker.username, housingWorker.password);
  const title = `Garden fire ${randomBytes(3).toString('hex')}`;
  const housingCase = await callJsonApi<{ id: string; reference: string }>(housing, 'POST', '/cases', { title, caseType: 'asb' });
  const reason = `Fire service referral about ${housingCase.reference}; need the tenancy history.`;
  const asker = await apiSignIn(requester.username, requester.password);
  const asked = await callJsonApi<{ id: string }>(asker, 'POST', '/access-requests', { resourceType: 'case', resourceId: housingCase.id, reason });
  // Housing's admin grants it for half a minute, so the expiry happens within the test.
  const admin = await apiSignIn(housingAdmin.username, housingAdmin.password);
  await callJsonApi(admin, 'POST', `/access-requests/${asked.id}/approve`, { expiresAt: new Date(Date.now() + 30_000).toISOString(), expectedVersion: 1 });

  await openSignedIn(page);
  await syncNow(page);
  await page.getByRole('button', { name: 'Access requests' }).click();
  const mine = page.getByTestId('access-request').filter({ hasText: reason });
  await expect(mine.getByTestId('access-request-outcome')).toContainText('Approved — access until');
  await page.getByLabel('Case reference').fill(housingCase.reference);
  await page.getByRole('button', { name: 'Find case' }).click();
  const signpost = page.getByTestId('case-signpost');
  await expect(signpost.getByRole('button', { name: `Open case ${housingCase.reference}` })).toBeVisible();

  // The server's expiry sweep (every two seconds here, every minute in service) records the lapse; the
  // next sync takes the case away.
  await expect.poll(async () => {
    await syncNow(page);
    return mine.getByTestId('access-request-outcome').textContent();
  }, { timeout: 90_000, intervals: [2_000] }).toMatch(/^Expired — access ended/);
  await page.getByRole('button', { name: 'Find case' }).click();
  await expect(signpost).toContainText(`Case ${housingCase.reference} is held by Riverton Homes Association. You cannot see it.`);
  await expect(signpost.getByRole('button', { name: `Open case ${housingCase.reference}` })).toHaveCount(0);
  const local = await page.evaluate(() => document.body.innerText);
  expect(local).not.toContain(title);
});
