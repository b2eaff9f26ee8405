/**
 * Finding people, end to end and by keyboard: the practitioner searches by name (this computer's
 * copy and the server's search-and-signpost), opens a person's profile with their role on a case,
 * and opens that case; a person only another agency sees comes back as a stub naming that agency,
 * from which the practitioner asks that agency for access with a reason, then records a new person
 * from the search (the duplicate warning first), whom the server at push lists as a person to review.
 * Each screen passes axe as shown, at 200 % zoom and in the dark theme.
 */
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { DEMO_USERS } from '../../server/seed/demo-directory.ts';
import { apiSignIn, callJsonApi, context, expectAccessibleScreen, leaveSignedOut, openSignedIn } from './e2e-support.ts';

test.afterAll(async ({ browser }) => {
  await leaveSignedOut(browser);
});

test('search by keyboard finds a person with an alias, opens their profile and the case they are on; a person only housing sees is a stub, from which access is requested', async ({ page }) => {
  test.setTimeout(180_000);
  const police = await apiSignIn();
  const familyName = `Ashdown${randomBytes(3).toString('hex')}`;
  const { person } = await callJsonApi<{ person: { id: string } }>(police, 'POST', '/persons', {
    givenName: 'Marguerite', familyName, dateOfBirth: '1979-10-14', gender: 'female', consentStatus: 'not_sought',
    aliases: [{ givenName: 'Peggy', familyName }],
  });
  // On a case the practitioner already sees and may update: the queue the other specs count is unchanged.
  const { cases } = await callJsonApi<{ cases: Array<{ id: string; reference: string; abilities: { update: boolean } }> }>(police, 'GET', '/cases?limit=200');
  const own = cases.find((c) => c.abilities.update && context.visibleReferences.includes(c.reference))!;
  await callJsonApi(police, 'POST', `/cases/${own.id}/subjects`, { personId: person.id, role: 'victim' });

  const housingUser = DEMO_USERS.find((u) => u.agencyCode === 'RHA' && u.role === 'practitioner')!;
  const housing = await apiSignIn(housingUser.username, housingUser.password);
  const { person: tenant } = await callJsonApi<{ person: { id: string } }>(housing, 'POST', '/persons', {
    givenName: 'Mervyn', familyName, dateOfBirth: '1981-02-03', gender: 'male', consentStatus: 'not_sought',
  });
  const housingCase = await callJsonApi<{ id: string }>(housing, 'POST', '/cases', { title: `Rent arrears ${familyName}`, caseType: 'asb' });
  await callJsonApi(housing, 'POST', `/cases/${housingCase.id}/subjects`, { personId: tenant.id, role: 'subject' });

  await openSignedIn(page);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 20_000 });

  await page.getByRole('button', { name: 'Find a person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Find a person' })).toBeFocused();
  await expectAccessibleScreen(page, 'person-search');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Name or alias')).toBeFocused();
  await page.keyboard.type(`Peggy ${familyName}`);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/persons\?q=Peggy/);

  const hit = page.getByTestId('person-hit');
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText(`also known as Peggy ${familyName}`);
  await expect(page.getByTestId('person-server-hit').or(page.getByText('The server found nobody else.'))).toBeVisible();
  await expectAccessibleScreen(page, 'person-search-results');

  // By keyboard: the hit's button, Enter, the profile.
  await hit.getByRole('button', { name: `Marguerite ${familyName}` }).focus();
  await page.keyboard.press('Enter');
  const profile = page.getByTestId('person-profile');
  await expect(profile.getByRole('heading', { level: 1, name: `Marguerite ${familyName}` })).toBeFocused();
  await expect(profile).toContainText('Born 14 Oct 1979');
  const row = profile.getByTestId('person-case');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(own.reference);
  await expect(row).toContainText('Victim');
  await expectAccessibleScreen(page, 'person-profile');
  await row.getByRole('button', { name: `Open case ${own.reference}` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-detail')).toContainText(`Marguerite ${familyName}`);

  // Housing's tenant: not in this computer's copy, and a stub from the server naming housing.
  await page.goBack();
  await page.goBack();
  await page.getByLabel('Name or alias').fill(`Mervyn ${familyName}`);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('Nobody on this computer matches.')).toBeVisible();
  const stub = page.getByTestId('person-stub');
  await expect(stub).toHaveCount(1);
  await expect(stub).toContainText('Riverton Homes Association');
  await expect(stub).toContainText('Born 1981');
  await expect(stub).not.toContainText('1981-02-03');

  // Asking housing for access, by keyboard: the stub's button, the dialog, a reason, Send request.
  await stub.getByRole('button', { name: `Request access to Mervyn ${familyName}` }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Ask for access to Mervyn ${familyName}` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Agencies involved: Riverton Homes Association.');
  // Focus moves into the dialog; the reason is the first thing to Tab to.
  await expect(dialog).toBeFocused();
  await expectAccessibleScreen(page, 'request-access-dialog');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Why do you need to see this person’s records?')).toBeFocused();
  const reason = `Joint visit to the address planned ${familyName}; need to check for warnings first.`;
  await page.keyboard.type(reason);
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Send request' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(stub.getByRole('status')).toHaveText('Request sent to the owner agency. You will be told when they decide.');
  await expect(stub.getByRole('button')).toHaveCount(0);

  // Housing's decider has it pending, with the reason.
  const housingDecider = DEMO_USERS.find((u) => u.agencyCode === 'RHA' && u.role === 'agency_admin')!;
  const { requests } = await callJsonApi<{ requests: Array<{ resourceType: string; resourceId: string; reason: string; status: string }> }>(
    await apiSignIn(housingDecider.username, housingDecider.password), 'GET', '/access-requests?status=pending');
  expect(requests.filter((r) => r.resourceId === tenant.id)).toEqual([expect.objectContaining({ resourceType: 'person', reason, status: 'pending' })]);

  // Not the person wanted: "Record a new person" carries the searched name over, and the duplicate
  // warning names housing's tenant before anything is saved; "different person" opens the new profile.
  await page.getByRole('button', { name: 'Record a new person' }).click();
  const record = page.getByRole('dialog', { name: 'Record a new person' });
  await expect(record.getByLabel('Given name')).toHaveValue('Mervyn');
  await expect(record.getByLabel('Family name')).toHaveValue(familyName);
  await record.getByLabel('Estimated year of birth (if the date is not known)').fill('1981');
  await record.getByRole('button', { name: 'Check and record' }).click();
  const warning = page.getByRole('dialog', { name: 'Is this someone already recorded?' });
  await expect(warning.getByTestId('duplicate-candidates')).toContainText('Riverton Homes Association', { timeout: 20_000 });
  await warning.getByRole('button', { name: 'This is a different person' }).click();
  await expect(profile.getByRole('heading', { level: 1, name: `Mervyn ${familyName}` })).toBeVisible({ timeout: 20_000 });
  await expect(profile).toContainText('Born about 1981');

  // Sent at the next sync, the server checks again and finds housing's tenant: a person to review,
  // listed under Sync problems, and kept as new.
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByRole('button', { name: /^Sync problems/ }).click({ timeout: 30_000 });
  const reviewTitle = `Mervyn ${familyName}: recorded on this computer, may already be known`;
  const review = page.getByTestId('person-reviews').locator('> li').filter({ has: page.getByRole('heading', { name: reviewTitle }) });
  await expect(review).toContainText('Riverton Homes Association');
  await expectAccessibleScreen(page, 'person-review');
  await review.getByRole('button', { name: 'Keep as new' }).click();
  await expect(page.getByRole('heading', { name: reviewTitle })).toHaveCount(0);
});
