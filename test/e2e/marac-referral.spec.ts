/**
 * MARAC, end to end (docs/marac.md): an IDVA practitioner (nia.roberts, Haven Victim Support — not
 * the police practitioner whose queue other specs count) fills in the DASH checklist for a victim
 * on the desktop, scoring 15 (high), and refers the victim with it through the referral form. She
 * then starts a second referral from the top bar's "Refer to MARAC": picks the victim, whose
 * checklist is current, and names two perpetrators (adding and removing rows by keyboard); the
 * second is the earlier one, so the server flags it as a repeat. The council's MARAC coordinator
 * (helen.clarke) sees both in MARAC referrals.
 */
import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_USERS } from '../../server/seed/demo-directory.ts';
import { apiSignIn, callJsonApi, context, expectAccessibleScreen, leaveSignedOut } from './e2e-support.ts';

const idva = DEMO_USERS.find((u) => u.username === 'nia.roberts')!;
const coordinator = DEMO_USERS.find((u) => u.username === 'helen.clarke')!;

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

test.afterAll(async ({ browser }) => {
  await leaveSignedOut(browser);
});

test('a practitioner scores a victim high on the DASH checklist; a second referral of the pair is a repeat; the coordinator sees both', async ({ page }) => {
  test.setTimeout(120_000);
  const token = await apiSignIn(idva.username, idva.password);
  const familyName = `Marrowby${randomBytes(3).toString('hex')}`;
  const person = async (givenName: string, gender: string) => (await callJsonApi<{ person: { id: string } }>(token, 'POST', '/persons', {
    givenName, familyName, dateOfBirth: '1991-06-12', gender, consentStatus: 'given',
  })).person.id;
  const victim = await person('Rosalind', 'female');
  const perpetrator = await person('Caspian', 'male');
  const brother = await person('Lucan', 'male');
  await person('Dorian', 'male');

  // The checklist on the desktop.
  await openSignedInAs(page, idva);
  await page.getByRole('button', { name: 'Find a person' }).click();
  await page.getByLabel('Name or alias').fill(`Rosalind ${familyName}`);
  await page.keyboard.press('Enter');
  await page.getByTestId('person-hit').getByRole('button', { name: `Rosalind ${familyName}` }).click();
  await page.getByTestId('person-profile').getByRole('button', { name: 'DASH risk checklist' }).click();
  const checklist = page.getByTestId('dash-checklist');
  await expect(checklist.getByRole('heading', { level: 1, name: 'DASH risk checklist' })).toBeFocused();
  await expect(page.getByTestId('dash-history')).toContainText('No earlier checklists you can see.');
  await expectAccessibleScreen(page, 'dash-checklist');
  for (let n = 1; n <= 24; n++) {
    await checklist.getByTestId(`dash-question-${n}`).getByRole('radio', { name: n <= 15 ? 'Yes' : 'No', exact: true }).check();
  }
  await expect(page.getByTestId('dash-live-level')).toHaveText('Score 15 of 24: High risk');
  await checklist.getByRole('button', { name: 'Save checklist' }).click();
  await expect(page.getByTestId('dash-saved-level')).toHaveText('Score 15: High risk.');
  // The reassessment history now holds it, with the next checklist due in 8 weeks.
  await expect(page.getByTestId('dash-history')).toContainText('score 15, High risk (Haven Victim Support)');
  await expect(page.getByTestId('dash-history')).toContainText('Reassessment due');

  // The referral form, from the saved checklist.
  await checklist.getByRole('button', { name: 'Refer to MARAC' }).click();
  const form = page.getByTestId('marac-referral-form');
  await expect(form.getByRole('heading', { level: 1, name: 'Refer to MARAC' })).toBeFocused();
  await expect(form.getByLabel('MARAC area')).toHaveValue(/.+/);
  await form.getByLabel('Your name').fill(idva.displayName);
  await form.getByLabel('Your phone').fill('01000 000000');
  await form.getByLabel('Find the perpetrator').fill(`Caspian ${familyName}`);
  await form.getByLabel('Find the perpetrator').press('Enter');
  await form.getByRole('button', { name: `Choose Caspian ${familyName}` }).click();
  await expect(form.getByTestId('picked-perpetrator')).toHaveText(`Caspian ${familyName}`);
  await form.getByLabel(`Caspian ${familyName}: relationship to the victim`).fill('Partner');
  await form.getByLabel('The victim knows of this referral').check();
  await form.getByLabel('The victim consented').check();
  await expectAccessibleScreen(page, 'marac-referral-form');
  await form.getByRole('button', { name: 'Make the referral' }).click();
  await expect(page.getByTestId('referral-made')).toContainText('DASH score 15: High risk.');
  await expect(page.getByTestId('referral-repeat')).toHaveText('Not a repeat referral.');

  // A second referral from the top bar: the checklist is current, so it goes straight to the form.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Refer to MARAC' }).click();
  const start = page.getByTestId('marac-start-referral');
  await expect(start.getByRole('heading', { level: 1, name: 'Refer to MARAC' })).toBeFocused();
  await start.getByLabel('Find the victim').fill(`Rosalind ${familyName}`);
  await start.getByLabel('Find the victim').press('Enter');
  await start.getByRole('button', { name: `Choose Rosalind ${familyName}` }).click();
  await expect(start.getByTestId('current-checklist')).toContainText('score 15, High risk');
  await expectAccessibleScreen(page, 'marac-start-referral');
  await start.getByRole('button', { name: 'Continue to the referral form' }).click();
  await expect(form.getByRole('heading', { level: 1, name: 'Refer to MARAC' })).toBeFocused();
  await form.getByLabel('Your name').fill(idva.displayName);
  await form.getByLabel('Your phone').fill('01000 000000');
  // Three perpetrators picked by keyboard, one removed again: focus returns to the search.
  for (const [label, given] of [['Find the perpetrator', 'Lucan'], ['Add another perpetrator', 'Dorian'], ['Add another perpetrator', 'Caspian']] as const) {
    await form.getByLabel(label).fill(`${given} ${familyName}`);
    await form.getByLabel(label).press('Enter');
    await form.getByRole('button', { name: `Choose ${given} ${familyName}` }).focus();
    await page.keyboard.press('Enter');
  }
  await expect(form.getByTestId('picked-perpetrator')).toHaveText([`Lucan ${familyName}`, `Dorian ${familyName}`, `Caspian ${familyName}`]);
  await form.getByRole('button', { name: `Remove Dorian ${familyName}` }).focus();
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('Add another perpetrator')).toBeFocused();
  await expect(form.getByTestId('picked-perpetrator')).toHaveText([`Lucan ${familyName}`, `Caspian ${familyName}`]);
  await form.getByLabel(`Lucan ${familyName}: relationship to the victim`).fill('Partner');
  await form.getByLabel(`Caspian ${familyName}: relationship to the victim`).fill('Ex-partner');
  await form.getByLabel('The victim knows of this referral').check();
  await form.getByLabel('The victim consented').check();
  await form.getByRole('button', { name: 'Make the referral' }).click();
  await expect(page.getByTestId('referral-repeat')).toHaveText('This is a repeat referral: the same victim and perpetrator were referred within the last 12 months.');
  await expect(page.getByTestId('referral-made')).toContainText('Criteria: Visible high risk (14 or more), Repeat.');

  // The coordinator's list.
  const coordinatorToken = await apiSignIn(coordinator.username, coordinator.password);
  const { referrals } = await callJsonApi<{ referrals: Array<{ victim: { personId: string }; repeat: boolean; perpetrators: Array<{ personId: string }> }> }>(
    coordinatorToken, 'GET', '/marac/referrals');
  const pair = referrals.filter((r) => r.victim.personId === victim);
  expect(pair.map((r) => [r.repeat, r.perpetrators.map((p) => p.personId).sort()])).toEqual([[true, [brother, perpetrator].sort()], [false, [perpetrator]]]);
  await openSignedInAs(page, coordinator);
  await page.getByRole('button', { name: 'MARAC referrals' }).click();
  const list = page.getByTestId('marac-referrals');
  await expect(list.getByRole('heading', { level: 1, name: 'MARAC referrals' })).toBeFocused();
  const rows = list.getByTestId('referral-row').filter({ hasText: `Rosalind ${familyName}` });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Repeat' }).filter({ has: page.locator('strong') })).toHaveCount(1);
  await expect(rows.first()).toContainText('Haven Victim Support');
  await expect(rows.first()).toContainText('High');
  await expectAccessibleScreen(page, 'marac-referrals');
});
