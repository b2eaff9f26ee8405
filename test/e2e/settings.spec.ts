/**
 * The settings panel, end to end: the queue page size and the theme are saved through the core's
 * preferences and apply at once and after a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { context, leaveSignedOut, openSignedIn } from './e2e-support.ts';

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  const panel = page.getByRole('dialog', { name: 'Settings' });
  await expect(panel).toBeVisible();
  return panel;
}

test.afterAll(async ({ browser }) => {
  // Back to the defaults, so the choices made here do not leak into other spec files.
  const page = await browser.newPage();
  await openSignedIn(page);
  const panel = await openSettings(page);
  await panel.getByLabel('Theme').selectOption('system');
  await expect(panel.getByLabel('Theme')).toBeEnabled();
  await panel.getByLabel('Cases per page').selectOption('50');
  await expect(panel.getByLabel('Cases per page')).toHaveValue('50');
  await page.close();
  await leaveSignedOut(browser);
});

test('choosing 25 cases per page shows 25 rows at once, and the choice and the page survive a reload', async ({ page }) => {
  expect(context.visibleReferences.length).toBeGreaterThan(50);
  await openSignedIn(page);
  const panel = await openSettings(page);
  await panel.getByLabel('Cases per page').selectOption('25');
  await expect(page.getByTestId('case-row')).toHaveCount(25);
  // Earlier specs add cases this user sees, so the total is at least what the demo data gave them.
  const firstPage = page.getByText(/Showing 1–25 of \d+/);
  await expect(firstPage).toBeVisible();
  const total = Number(/of (\d+)/.exec((await firstPage.textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThanOrEqual(context.visibleReferences.length);

  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText(`Showing 26–50 of ${total}`)).toBeVisible();
  await expect(page.getByTestId('case-row')).toHaveCount(25);

  // The page lives in the URL, so a reload comes back to it, still 25 to a page.
  await expect(page).toHaveURL(/#\/queue\?page=2$/);
  await page.reload();
  await expect(page.getByTestId('sync-status')).toBeVisible();
  await expect(page.getByText(`Showing 26–50 of ${total}`)).toBeVisible();
  await expect(page.getByTestId('case-row')).toHaveCount(25);
  await expect((await openSettings(page)).getByLabel('Cases per page')).toHaveValue('25');
});

test('choosing the dark theme puts the dark palette on the whole document, and it stays after a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openSignedIn(page);
  const root = page.locator('html');
  await expect(root).toHaveAttribute('data-theme', 'light');
  const pageBackground = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const lightBackground = await pageBackground();

  const panel = await openSettings(page);
  await panel.getByLabel('Theme').selectOption('dark');
  await expect(root).toHaveAttribute('data-theme', 'dark');
  await expect.poll(pageBackground).toBe('rgb(18, 22, 29)');
  expect(lightBackground).not.toBe('rgb(18, 22, 29)');

  await page.reload();
  await expect(page.getByTestId('sync-status')).toBeVisible();
  await expect(root).toHaveAttribute('data-theme', 'dark');

  // "Same as this computer" follows the computer's colour scheme.
  await (await openSettings(page)).getByLabel('Theme').selectOption('system');
  await expect(root).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(root).toHaveAttribute('data-theme', 'dark');
});
