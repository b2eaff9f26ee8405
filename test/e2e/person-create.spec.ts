/**
 * Recording a new person from a case, end to end: a fire-service practitioner (not the practitioner
 * whose queue the other specs count) adds a person as victim to their case by recording them new;
 * the duplicate warning shows an existing person who resembles them; they choose "This is a
 * different person", and the new person shows at once in the case's people list and reaches the
 * server with the role after a sync. Each new dialog passes axe.
 */
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { DEMO_USERS } from '../../server/seed/demo-directory.ts';
import { apiSignIn, callApi, callJsonApi, context, expectAccessibleScreen, leaveSignedOut } from './e2e-support.ts';

const fireUser = DEMO_USERS.find((u) => u.agencyCode === 'NFR' && u.role === 'practitioner')!;

test.beforeAll(async ({ browser }) => {
  await leaveSignedOut(browser);
});
test.afterAll(async ({ browser }) => {
  await leaveSignedOut(browser);
});

test('a new person who resembles an existing one: the warning shows them, "different person" records and adds the new one as victim', async ({ page }) => {
  test.setTimeout(180_000);
  const token = await apiSignIn(fireUser.username, fireUser.password);
  // A given name no other spec uses: the demo world is shared, and "Rosalind Marrowby<hex>" (marac-referral)
  // resembled "Rosalind Featherby<hex>" for some random suffixes, making a second candidate.
  const familyName = `Featherby${randomBytes(3).toString('hex')}`;
  const { person: existing } = await callJsonApi<{ person: { id: string } }>(token, 'POST', '/persons', {
    givenName: 'Perpetua', familyName, estimatedBirthYear: 1985, gender: 'female', consentStatus: 'not_sought',
  });
  const title = `Fire risk at ${familyName}'s flat`;
  const created = await callJsonApi<{ id: string }>(token, 'POST', '/cases', { title, caseType: 'staff_safety' });

  await page.goto(context.url);
  await page.getByLabel('Username').fill(fireUser.username);
  await page.getByLabel('Password').fill(fireUser.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 30_000 });
  await page.evaluate((id) => {
    window.location.hash = `#/cases/${id}`;
  }, created.id);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout: 20_000 });

  await page.getByRole('button', { name: 'Add a person' }).click();
  const pick = page.getByRole('dialog', { name: 'Add a person to the case' });
  await expect(pick).toBeVisible();
  await expectAccessibleScreen(page, 'add-person-to-case-dialog');
  await pick.getByLabel('Role on the case').selectOption('victim');
  await pick.getByRole('button', { name: 'Record a new person' }).click();

  const record = page.getByRole('dialog', { name: 'Record a new person' });
  await expect(record).toBeVisible();
  // Bad input is refused beside the field and nothing is written.
  await record.getByRole('button', { name: 'Check and record' }).click();
  await expect(record.getByLabel('Family name')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessibleScreen(page, 'record-person-dialog');
  await record.getByLabel('Given name').fill('Perpetua');
  await record.getByLabel('Family name').fill(familyName);
  await record.getByLabel('Estimated year of birth (if the date is not known)').fill('1985');
  await record.getByLabel('Gender').selectOption('female');
  await record.getByRole('button', { name: 'Check and record' }).click();

  const warning = page.getByRole('dialog', { name: 'Is this someone already recorded?' });
  await expect(warning).toBeVisible({ timeout: 20_000 });
  const candidates = warning.getByTestId('duplicate-candidates').getByRole('listitem');
  await expect(candidates).toHaveCount(1);
  await expect(candidates).toContainText(`Perpetua ${familyName}`);
  await expect(candidates.getByRole('button', { name: `Use this person: Perpetua ${familyName}` })).toBeVisible();
  await expectAccessibleScreen(page, 'duplicate-warning-dialog');
  await warning.getByRole('button', { name: 'This is a different person' }).click();
  await expect(warning).toBeHidden();

  const people = page.getByRole('region', { name: 'People' });
  await expect(people).toContainText(`Perpetua ${familyName}`, { timeout: 20_000 });
  await expect(people).toContainText('Victim');

  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 30_000 });
  const detail = await callApi<{ subjects: Array<{ personId: string; role: string }> }>(token, 'GET', `/cases/${created.id}`);
  expect(detail.subjects).toHaveLength(1);
  expect(detail.subjects[0]!.role).toBe('victim');
  expect(detail.subjects[0]!.personId).not.toBe(existing.id);
});
