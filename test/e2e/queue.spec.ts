/**
 * The queue's tabs, filters and sorting end to end: they live in the URL, so opening a case and going
 * Back shows the same view; the keyboard alone finds and opens a case. Reads only: no case is created.
 */
import { expect, test } from '@playwright/test';
import { context, expectAccessibleScreen, leaveSignedOut, openSignedIn } from './e2e-support.ts';

test.afterAll(async ({ browser }) => {
  await leaveSignedOut(browser);
});

test('a tab, a filter and a sort survive opening a case and going Back', async ({ page }) => {
  await openSignedIn(page);
  await expect(page.getByTestId('case-row').first()).toBeVisible();

  await page.getByRole('tab', { name: 'Shared with my agency' }).click();
  await expect(page).toHaveURL(/#\/queue\?tab=shared_with_agency$/);
  await page.getByRole('button', { name: 'Reference', exact: true }).click();
  await expect(page).toHaveURL(/tab=shared_with_agency&sort=reference&dir=asc$/);
  await expect(page.getByRole('columnheader', { name: 'Reference' })).toHaveAttribute('aria-sort', 'ascending');
  // The shared-in cases the server seeded are here, in reference order.
  await page.getByLabel('Filter cases').fill(context.sharedInReferences[0]!);
  await expect(page.getByTestId('case-row')).toHaveCount(1);
  await page.getByLabel('Filter cases').fill('');
  await expect(page).toHaveURL(/tab=shared_with_agency&sort=reference&dir=asc$/);
  const shownReferences = await page.getByTestId('case-row').locator('td:first-child').allInnerTexts();
  expect(shownReferences.length).toBeGreaterThan(0);
  expect(shownReferences).toEqual([...shownReferences].sort());

  // A status the first row has, so the filtered view is not empty.
  const status = await page.getByTestId('case-row').first().locator('td').nth(4).innerText();
  await page.getByLabel('Status').selectOption({ label: status });
  await expect(page).toHaveURL(new RegExp(`tab=shared_with_agency&status=${status.toLowerCase()}&sort=reference&dir=asc$`));
  await expect(page.getByTestId('case-row').first()).toBeVisible();
  await expectAccessibleScreen(page, 'queue-tab-filter-sort');
  const first = page.getByTestId('case-row').first();
  const caseId = await first.getAttribute('data-case-id');
  await first.getByRole('button').click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${caseId}$`));

  await page.goBack();
  await expect(page.getByRole('tab', { name: 'Shared with my agency' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Status')).toHaveValue(status.toLowerCase());
  await expect(page.getByRole('columnheader', { name: 'Reference' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByTestId('case-row').first()).toHaveAttribute('data-case-id', caseId!);
});

test('"/" finds the filter, the arrow keys move between rows and Enter opens a case', async ({ page }) => {
  await openSignedIn(page);
  await expect(page.getByTestId('case-row').first()).toBeVisible();
  await page.locator('body').press('/');
  await expect(page.getByLabel('Filter cases')).toBeFocused();
  await page.keyboard.type(context.visibleReferences[0]!);
  await expect(page.getByTestId('case-row')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: `Open case ${context.visibleReferences[0]!}` })).toBeFocused();
  await page.keyboard.press('Escape');
  await page.getByLabel('Filter cases').fill('');
  await expect(page.getByTestId('case-row').nth(1)).toBeVisible();
  await page.getByLabel('Filter cases').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const second = page.getByTestId('case-row').nth(1);
  await expect(second.getByRole('button')).toBeFocused();
  const caseId = await second.getAttribute('data-case-id');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/cases/${caseId}$`));
  await expect(page.getByTestId('case-detail')).toBeVisible();
});
