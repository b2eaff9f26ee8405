/**
 * MARAC, end to end (docs/marac.md): an IDVA practitioner (nia.roberts, Haven Victim Support — not
 * the police practitioner whose queue other specs count) fills in the DASH checklist for a victim
 * on the desktop, scoring 15 (high), and refers the victim with it through the referral form; the
 * same pair is referred again (through the API) and the server flags that one as a repeat. The
 * council's MARAC coordinator (helen.clarke) sees both in MARAC referrals.
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
  await form.getByLabel('Relationship to the victim').fill('Partner');
  await form.getByLabel('The victim knows of this referral').check();
  await form.getByLabel('The victim consented').check();
  await expectAccessibleScreen(page, 'marac-referral-form');
  await form.getByRole('button', { name: 'Make the referral' }).click();
  await expect(page.getByTestId('referral-made')).toContainText('DASH score 15: High risk.');
  await expect(page.getByTestId('referral-repeat')).toHaveText('Not a repeat referral.');

  // A second referral of the same victim and perpetrator; the server flags it as a repeat.
  const { assessments } = await callJsonApi<{ assessments: Array<{ id: string; score: number; band: string }> }>(token, 'GET', `/persons/${victim}/dash-assessments`);
  expect(assessments.map((a) => [a.score, a.band])).toEqual([[15, 'high']]);
  const { areas } = await callJsonApi<{ areas: Array<{ id: string; name: string }> }>(token, 'GET', '/marac/areas');
  const area = areas.find((a) => a.name === 'Riverton MARAC')!;
  const referral = {
    maracAreaId: area.id, dashAssessmentId: assessments[0]!.id, referredOn: new Date().toISOString().slice(0, 10),
    contact: { name: idva.displayName, phone: '01000 000000', email: null },
    victim: { personId: victim, address: null, phone: null, safeToCall: false, safeContactTimes: null },
    diversity: { ethnicity: null, disability: 'not_known', sexualOrientation: null, lgbtPlus: 'not_known', gender: 'female' },
    perpetrators: [{ personId: perpetrator, relationshipToVictim: 'Partner', address: null }],
    consent: { victimAware: true, consentGiven: true, justification: null },
  };
  const second = await callJsonApi<{ repeat: boolean; criteria: string[] }>(token, 'POST', '/marac/referrals', referral);
  expect([second.repeat, second.criteria]).toEqual([true, ['visible_high_risk', 'repeat']]);

  // The coordinator's list.
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
