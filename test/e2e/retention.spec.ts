/**
 * Retention, end to end: the council's data officer opens Retention from the top bar, finds the
 * closed cases due for review, places a legal hold on one and releases it, decides to erase it, is
 * refused until the reference is typed exactly, erases it, and the case leaves the list; the server's
 * list no longer names it. Checked for accessibility with the list and with each dialog open.
 */
import { expect, test } from '@playwright/test';
import { DEMO_USERS } from '../../server/seed/demo-directory.ts';
import { apiSignIn, callJsonApi, context, expectAccessibleScreen, leaveSignedOut, signInAs } from './e2e-support.ts';

const officer = DEMO_USERS.find((u) => u.username === 'tom.fisher')!;

test.afterAll(async ({ browser }) => {
  await leaveSignedOut(browser);
});

test('a data officer holds, releases, decides and erases a case due for retention review', async ({ page }) => {
  // Three screens are each checked three ways by axe, on a machine shared with other work.
  test.setTimeout(180_000);
  expect(context.retentionReferences.length).toBeGreaterThan(1);
  await leaveSignedOut(page.context().browser()!);
  await signInAs(page, officer);

  await page.getByRole('button', { name: 'Retention', exact: true }).click();
  await expect(page).toHaveURL(/#\/retention/);
  const screen = page.getByTestId('retention');
  await expect(screen.getByRole('heading', { level: 1, name: 'Retention reviews' })).toBeFocused();
  const rows = screen.getByTestId('retention-row');
  await expect(rows).toHaveCount(context.retentionReferences.length);
  const reference = context.retentionReferences[0]!;
  const row = rows.filter({ hasText: reference });
  await expect(row).toContainText('1 Mar 2018');
  await expect(row).toContainText('None yet');
  await expectAccessibleScreen(page, 'retention');

  // A legal hold, with its reason; the row says so and offers no erasure.
  await row.getByRole('button', { name: `Review ${reference}` }).click();
  const dialog = page.getByRole('dialog', { name: `Review ${reference}` });
  await dialog.getByLabel('Place a legal hold').check();
  await dialog.getByLabel('Reason').fill('Civil claim 2026/31 pending');
  await expectAccessibleScreen(page, 'retention-review-dialog');
  await dialog.getByRole('button', { name: 'Record decision' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('Civil claim 2026/31 pending');

  // Released, then the decision to erase (a short reason is refused beside the field first).
  await row.getByRole('button', { name: `Review ${reference}` }).click();
  await dialog.getByRole('button', { name: 'Release this hold' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole('cell', { name: 'None', exact: true })).toBeVisible();
  await row.getByRole('button', { name: `Review ${reference}` }).click();
  await dialog.getByLabel('Erase at the end of retention').check();
  await dialog.getByLabel('Reason').fill('Too short');
  await dialog.getByRole('button', { name: 'Record decision' }).click();
  await expect(dialog.getByText('Give a reason of at least 10 characters.')).toBeVisible();
  await dialog.getByLabel('Reason').fill('Retention period ended and nothing requires keeping it');
  await dialog.getByRole('button', { name: 'Record decision' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('Erase');

  // Erasure: refused until the reference is typed exactly; then the case goes and a tombstone is named.
  await row.getByRole('button', { name: `Erase ${reference}` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Erase ${reference}` });
  await confirm.getByLabel(/Type the case reference/).fill('WRONG-REF');
  await confirm.getByLabel('Reason').fill('Retention period ended and nothing requires keeping it');
  await confirm.getByRole('button', { name: 'Erase permanently' }).click();
  await expect(confirm.getByText(`Type ${reference} exactly to confirm.`)).toBeVisible();
  await expectAccessibleScreen(page, 'retention-erase-dialog');
  await confirm.getByLabel(/Type the case reference/).fill(reference);
  await confirm.getByRole('button', { name: 'Erase permanently' }).click();
  await expect(confirm).toBeHidden();
  await expect(screen.getByTestId('erased-status')).toContainText(`${reference} was erased`);
  await expect(rows).toHaveCount(context.retentionReferences.length - 1);
  await expect(rows.filter({ hasText: reference })).toHaveCount(0);

  const token = await apiSignIn(officer.username, officer.password);
  const { items } = await callJsonApi<{ items: Array<{ reference: string }> }>(token, 'GET', '/retention/reviews');
  expect(items.map((i) => i.reference)).not.toContain(reference);
});

test("the system admin shortens a case type's retention period, and the server keeps the new rule", async ({ page }) => {
  test.setTimeout(120_000);
  const admin = DEMO_USERS.find((u) => u.role === 'system_admin')!;
  await leaveSignedOut(page.context().browser()!);
  await signInAs(page, admin);

  await page.getByRole('button', { name: 'Retention rules', exact: true }).click();
  await expect(page).toHaveURL(/#\/retention\/rules/);
  const screen = page.getByTestId('retention-rules');
  await expect(screen.getByRole('heading', { level: 1, name: 'Retention rules' })).toBeFocused();
  const field = screen.getByLabel('Years after closure for Licensing');
  await expect(field).toHaveValue('6');
  await field.fill('0');
  await expect(screen.getByText('Enter a whole number of years from 1 to 100.')).toBeVisible();
  await expect(screen.getByRole('button', { name: 'Save Licensing' })).toBeDisabled();
  await expectAccessibleScreen(page, 'retention-rules');
  // Shorter, so every case due before stays due for the other test.
  await field.fill('5');
  await screen.getByRole('button', { name: 'Save Licensing' }).click();
  await expect(screen.getByRole('button', { name: 'Save Licensing' })).toBeDisabled();

  const token = await apiSignIn(admin.username, admin.password);
  const { rules } = await callJsonApi<{ rules: Array<{ label: string; reviewAfterYears: number }> }>(token, 'GET', '/retention/rules');
  expect(rules.find((r) => r.label === 'Licensing')?.reviewAfterYears).toBe(5);
});
