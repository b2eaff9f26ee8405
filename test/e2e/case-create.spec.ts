/**
 * Opening a new case from the queue, end to end: a fire-service practitioner (not the practitioner
 * whose queue the other specs count) fills the New case dialog, the case opens at once, and after a
 * sync the server holds it with the same id. The case is only the creator's (owner only), and the
 * app is left signed out; the next spec signs its own practitioner in.
 */
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { DEMO_USERS } from '../../server/seed/demo-directory.ts';
import { apiSignIn, callApi, context, expectAccessibleScreen, leaveSignedOut, signInAs } from './e2e-support.ts';

const fireUser = DEMO_USERS.find((u) => u.agencyCode === 'NFR' && u.role === 'practitioner')!;

test.beforeAll(async ({ browser }) => {
  await leaveSignedOut(browser);
});
test.afterAll(async ({ browser }) => {
  await leaveSignedOut(browser);
});

test('a practitioner opens a new case from the queue; it opens at once and the server has it after a sync', async ({ page }) => {
  expect(fireUser.username).not.toBe(context.user.username);
  await signInAs(page, fireUser);

  await page.getByRole('button', { name: 'New case' }).click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await expect(dialog).toBeVisible();
  // Bad input is refused beside the field and nothing is written.
  await dialog.getByRole('button', { name: 'Create case' }).click();
  await expect(dialog.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessibleScreen(page, 'new-case-dialog');

  const title = `Hoarding fire risk ${randomBytes(3).toString('hex')}`;
  await dialog.getByLabel('Case type').selectOption('staff_safety');
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Who may see it').selectOption('owner_only');
  await dialog.getByRole('button', { name: 'Create case' }).click();

  await expect(page).toHaveURL(/#\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const caseId = /#\/cases\/([0-9a-f-]{36})$/.exec(page.url())![1]!;

  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 20_000 });
  const token = await apiSignIn(fireUser.username, fireUser.password);
  const created = await callApi<{ id: string; title: string; reference: string; sharingLevel: string }>(token, 'GET', `/cases/${caseId}`);
  expect(created).toMatchObject({ id: caseId, title, sharingLevel: 'owner_only' });
  await expect(page.getByText(created.reference)).toBeVisible({ timeout: 20_000 });
});
