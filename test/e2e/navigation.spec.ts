/**
 * The renderer's URLs, end to end: the queue's filter and page live in the URL, Back and Forward
 * move between the queue and a case and restore the filter, a case opens from a link, an unknown
 * address says so, and a narrow window folds the screens behind Menu; each screen passes axe as shown,
 * at 200 % zoom and in the dark theme.
 */
import { expect, test } from '@playwright/test';
import { context, expectAccessibleScreen, leaveSignedOut, openSignedIn } from './e2e-support.ts';

test.afterAll(async ({ browser }) => {
  await leaveSignedOut(browser);
});

test('the queue filter survives opening a case and coming back with Back, Forward and the Back button', async ({ page }) => {
  await openSignedIn(page);
  await expect(page).toHaveURL(/#\/queue$/);
  await expect(page.getByTestId('case-row').first()).toBeVisible();
  await expectAccessibleScreen(page, 'queue');

  const reference = context.visibleReferences[0]!;
  await page.getByLabel('Filter cases').fill(reference);
  await expect(page).toHaveURL(new RegExp(`#/queue\\?q=${encodeURIComponent(reference)}$`));
  await expect(page.getByTestId('case-row')).toHaveCount(1);
  const caseId = await page.getByTestId('case-row').getAttribute('data-case-id');

  await page.getByRole('button', { name: `Open case ${reference}` }).click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${caseId}$`));
  await expect(page.getByTestId('case-detail')).toContainText(reference);
  await expectAccessibleScreen(page, 'case');

  await page.goBack();
  await expect(page.getByLabel('Filter cases')).toHaveValue(reference);
  await expect(page.getByTestId('case-row')).toHaveCount(1);
  await page.goForward();
  await expect(page.getByTestId('case-detail')).toContainText(reference);
  await page.getByRole('button', { name: '← Back to case queue' }).click();
  await expect(page).toHaveURL(new RegExp(`#/queue\\?q=${encodeURIComponent(reference)}$`));
  await expect(page.getByLabel('Filter cases')).toHaveValue(reference);
  await expect(page.getByTestId('case-row')).toHaveCount(1);

  // Clearing the filter is one more place in history; Back brings the filter back.
  await page.getByLabel('Filter cases').fill('');
  await expect(page).toHaveURL(/#\/queue$/);
  await expect(page.getByTestId('case-row').first()).toBeVisible();
});

test('a case opens from a link, and an address that names no screen says so and leads back', async ({ page }) => {
  await openSignedIn(page);
  await page.getByLabel('Filter cases').fill(context.sharedInReferences[0]!);
  await expect(page.getByTestId('case-row')).toHaveCount(1);
  const caseId = await page.getByTestId('case-row').getAttribute('data-case-id');

  await page.evaluate((id) => { window.location.hash = `#/cases/${id}`; }, caseId);
  await expect(page.getByTestId('case-detail')).toContainText(context.sharedInReferences[0]!);

  await page.evaluate(() => { window.location.hash = '#/no-such-screen'; });
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expectAccessibleScreen(page, 'not-found');
  await page.getByRole('link', { name: 'Go to the case queue' }).click();
  await expect(page).toHaveURL(/#\/queue/);
  await expect(page.getByTestId('case-row').first()).toBeVisible();
});

test('in a narrow window (a laptop at 200 % zoom) the screens fold behind Menu, which opens one and folds again', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 720 });
  await openSignedIn(page);
  const menu = page.getByRole('button', { name: /^Menu/ });
  await expect(page.getByRole('button', { name: 'Find a person' })).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expectAccessibleScreen(page, 'menu-open-narrow');
  await page.getByRole('button', { name: 'Find a person' }).click();
  await expect(page).toHaveURL(/#\/persons/);
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('button', { name: 'Find a person' })).toBeHidden();
});
