/**
 * Notifications, end to end: housing attaches a person the police practitioner's agency owns to a
 * housing case from a search stub; the practitioner opens Notifications and reads who did it, with
 * the person named from this computer's offline copy.
 */
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { DEMO_USERS } from '../../server/seed/demo-directory.ts';
import { apiSignIn, callJsonApi, expectAccessibleScreen, leaveSignedOut, openSignedIn } from './e2e-support.ts';

test.afterAll(async ({ browser }) => {
  await leaveSignedOut(browser);
});

test('the owner agency reads, in Notifications, that housing attached one of its people to a housing case', async ({ page }) => {
  const police = await apiSignIn();
  const familyName = `Quennell${randomBytes(3).toString('hex')}`;
  const { person } = await callJsonApi<{ person: { id: string } }>(police, 'POST', '/persons', {
    givenName: 'Ottoline', familyName, dateOfBirth: '1988-04-02', gender: 'female', consentStatus: 'not_sought',
  });
  // No police case: the queue the other specs count stays as global-setup computed it. A person on no
  // case is still found by others as a search stub, and is in the police practitioner's offline copy.

  const housingUser = DEMO_USERS.find((u) => u.agencyCode === 'RHA' && u.role === 'practitioner')!;
  const housing = await apiSignIn(housingUser.username, housingUser.password);
  const housingCase = await callJsonApi<{ id: string }>(housing, 'POST', '/cases', { title: `Tenancy ASB ${familyName}`, caseType: 'asb' });
  await callJsonApi(housing, 'POST', `/cases/${housingCase.id}/subjects`, {
    personId: person.id, role: 'perpetrator', reason: 'Named in a tenancy ASB complaint; avoiding a duplicate record.',
  });

  await openSignedIn(page);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Notifications' }).click();
  const screen = page.getByTestId('notifications');
  await expect(screen.getByRole('heading', { level: 1, name: 'Notifications' })).toBeFocused();
  await expect(screen.getByRole('listitem').filter({ hasText: `Ottoline ${familyName}` })).toContainText('Riverton Homes Association attached');
  // Accessible as it is, at 200 % zoom and in the dark theme; screenshots kept as artifacts.
  await expectAccessibleScreen(page, 'notifications');
  // Keyboard: the heading has focus on arrival; Shift+Tab reaches Back, and Enter goes back.
  await screen.getByRole('heading', { level: 1, name: 'Notifications' }).focus();
  await page.keyboard.press('Shift+Tab');
  await expect(screen.getByRole('button', { name: '← Back to case queue' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Filter cases')).toBeVisible();
});
