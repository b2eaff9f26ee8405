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

test('from a domestic abuse case, "Refer to MARAC" picks the case’s victim and links the referral to that case', async ({ page }) => {
  test.setTimeout(120_000);
  const token = await apiSignIn(idva.username, idva.password);
  const familyName = `Pellow${randomBytes(3).toString('hex')}`;
  const person = async (givenName: string, gender: string) => (await callJsonApi<{ person: { id: string } }>(token, 'POST', '/persons', {
    givenName, familyName, dateOfBirth: '1992-02-20', gender, consentStatus: 'given',
  })).person.id;
  const victim = await person('Morwenna', 'female');
  const perpetrator = await person('Tristan', 'male');
  const { areas } = await callJsonApi<{ areas: Array<{ id: string; name: string }> }>(token, 'GET', '/marac/areas');
  const area = areas.find((a) => a.name === 'Riverton MARAC')!;
  const dash = await callJsonApi<{ id: string }>(token, 'POST', `/persons/${victim}/dash-assessments`, {
    version: '2015', answers: Array.from({ length: 24 }, (_, i) => ({ n: i + 1, answer: i < 15 ? 'yes' : 'no' })),
  });
  // The first referral (through the API) opens the domestic abuse / MARAC case, shared with the coordinator.
  const first = await callJsonApi<{ caseId: string; caseReference: string }>(token, 'POST', '/marac/referrals', {
    maracAreaId: area.id, dashAssessmentId: dash.id, referredOn: new Date().toISOString().slice(0, 10),
    contact: { name: idva.displayName, phone: '01000 000000', email: null },
    victim: { personId: victim, address: null, phone: null, safeToCall: false, safeContactTimes: null },
    diversity: { ethnicity: null, disability: 'not_known', sexualOrientation: null, lgbtPlus: 'not_known', gender: 'female' },
    perpetrators: [{ personId: perpetrator, relationshipToVictim: 'Partner', address: null }],
    consent: { victimAware: true, consentGiven: true, justification: null },
  });

  await openSignedInAs(page, idva);
  await page.goto(`${context.url.split('#')[0]}#/cases/${first.caseId}`);
  const caseScreen = page.getByTestId('case-detail');
  await expect(caseScreen.getByRole('heading', { level: 1 })).toContainText(`Morwenna ${familyName}`);
  await caseScreen.getByRole('button', { name: 'Refer to MARAC' }).click();
  const start = page.getByTestId('marac-start-referral');
  await expect(start.getByRole('heading', { level: 1, name: 'Refer to MARAC' })).toBeFocused();
  await expect(start.getByTestId('referral-linked-case')).toContainText(`linked to case ${first.caseReference}`);
  await expect(start.getByTestId('chosen-victim')).toHaveText(`Morwenna ${familyName}`);
  await expect(start.getByTestId('current-checklist')).toContainText('score 15, High risk');
  await expectAccessibleScreen(page, 'marac-start-referral-from-case');
  await start.getByRole('button', { name: 'Continue to the referral form' }).focus();
  await page.keyboard.press('Enter');

  const form = page.getByTestId('marac-referral-form');
  await expect(form.getByRole('heading', { level: 1, name: 'Refer to MARAC' })).toBeFocused();
  await expect(form.getByTestId('referral-linked-case')).toContainText(`Linked to case ${first.caseReference}`);
  await form.getByLabel('Your name').fill(idva.displayName);
  await form.getByLabel('Your phone').fill('01000 000000');
  await form.getByLabel('Find the perpetrator').fill(`Tristan ${familyName}`);
  await form.getByLabel('Find the perpetrator').press('Enter');
  await form.getByRole('button', { name: `Choose Tristan ${familyName}` }).click();
  await form.getByLabel(`Tristan ${familyName}: relationship to the victim`).fill('Partner');
  await form.getByLabel('The victim knows of this referral').check();
  await form.getByLabel('The victim consented').check();
  await expectAccessibleScreen(page, 'marac-referral-form-from-case');
  await form.getByRole('button', { name: 'Make the referral' }).click();
  await expect(page.getByTestId('referral-made')).toContainText(`Case ${first.caseReference}`);
  await expect(page.getByTestId('referral-repeat')).toHaveText('This is a repeat referral: the same victim and perpetrator were referred within the last 12 months.');

  // Both referrals sit on the one case.
  const coordinatorToken = await apiSignIn(coordinator.username, coordinator.password);
  const { referrals } = await callJsonApi<{ referrals: Array<{ caseId: string; victim: { personId: string } }> }>(coordinatorToken, 'GET', '/marac/referrals');
  expect(referrals.filter((r) => r.victim.personId === victim).map((r) => r.caseId)).toEqual([first.caseId, first.caseId]);
});
