/**
 * The queue's tabs, filters and sorting end to end: they live in the URL, so opening a case and going
 * Back shows the same view; the keyboard alone finds and opens a case. Reads only: no case is created.
 */
import { expect, test } from '@playwright/test';
import { context, expectAccessibleScreen, leaveSignedOut, openSignedIn, blankBelowApp } from './e2e-support.ts';

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

test('a long queue scrolls inside its frame, never the window into blank space', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openSignedIn(page);
  await expect(page.getByTestId('case-row').nth(30)).toBeAttached();
  // Each row's warning markers carry hidden labels; placed against the window, they made it scroll
  // thousands of pixels into blank space below the pager.
  expect(await blankBelowApp(page)).toBe(0);
  expect(await page.evaluate(() => document.scrollingElement!.scrollHeight)).toBe(720);
  const table = page.getByRole('table');
  await table.hover();
  await page.mouse.wheel(0, 2_000);
  await expect.poll(() => table.evaluate((t) => t.parentElement!.scrollTop)).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  // A laptop at 200 % zoom: the screen scrolls within the app's frame to its pager, the window not at all.
  await page.setViewportSize({ width: 640, height: 400 });
  expect(await blankBelowApp(page)).toBe(0);
  const pager = page.getByRole('navigation', { name: 'Case queue pages' });
  await pager.scrollIntoViewIfNeeded();
  await expect(pager).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});
