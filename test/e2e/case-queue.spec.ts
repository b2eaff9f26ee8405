import { expect, test, type Page } from '@playwright/test';
import { context } from './e2e-support.ts';

async function signIn(page: Page, password: string): Promise<void> {
  await page.goto(context.url);
  await page.getByLabel('Username').fill(context.user.username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a wrong password gets a clear message and no queue', async ({ page }) => {
  await signIn(page, 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
  await expect(page.getByTestId('case-row')).toHaveCount(0);
  await expect(page.getByLabel('Password')).toBeVisible();
});

test('the queue shows the agency own and shared cases, and none of another agency unshared cases', async ({ page }) => {
  expect(context.visibleReferences.length).toBeGreaterThan(10);
  expect(context.sharedInReferences.length).toBeGreaterThan(0);
  expect(context.hiddenReferences.length).toBeGreaterThan(10);

  await signIn(page, context.user.password);
  await expect(page.getByText(context.user.agencyName).first()).toBeVisible();
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 20_000 });
  await expect(page.getByText(`${context.visibleReferences.length} cases`)).toBeVisible();

  // Walk every page and compare the set of references with what the policy allows.
  const seen: string[] = [];
  for (;;) {
    await expect(page.getByTestId('case-row').first()).toBeVisible();
    const refs = await page.getByTestId('case-row').locator('td:first-child').allInnerTexts();
    seen.push(...refs.map((r) => r.trim()));
    const next = page.getByRole('button', { name: 'Next' });
    // The pager only appears when there is more than one page; the last page is read from its text.
    if ((await next.count()) === 0) {
      break;
    }
    const range = await page.getByText(/^Showing \d+–\d+ of \d+$/).textContent();
    const [, last, total] = /–(\d+) of (\d+)/.exec(range ?? '') ?? [];
    if (last === total) {
      break;
    }
    await expect(next).toBeEnabled();
    const firstBefore = refs[0];
    await next.click();
    await expect(page.getByTestId('case-row').locator('td:first-child').first()).not.toHaveText(firstBefore!);
  }
  expect(new Set(seen)).toEqual(new Set(context.visibleReferences));

  // A case shared in by another agency is found by its reference; another agency's unshared case is not.
  const filter = page.getByLabel('Filter cases');
  await filter.fill(context.sharedInReferences[0]!);
  await expect(page.getByTestId('case-row')).toHaveCount(1);
  await filter.fill(context.hiddenReferences[0]!);
  await expect(page.getByText('No cases match')).toBeVisible();
  await expect(page.getByTestId('case-row')).toHaveCount(0);
});

test('signing out asks whether to keep the offline copy, and can be cancelled', async ({ page }) => {
  // The core behind the loopback host may still hold the previous test's session.
  await page.goto(context.url);
  await expect(page.getByLabel('Username').or(page.getByTestId('sync-status'))).toBeVisible();
  if (await page.getByLabel('Username').isVisible()) {
    await signIn(page, context.user.password);
  }
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Sign out' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign out of Casebridge?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('case-row').first()).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await dialog.getByRole('checkbox').check();
  await dialog.getByRole('button', { name: 'Sign out and remove' }).click();
  await expect(page.getByLabel('Username')).toBeVisible();
  await expect(page.getByTestId('case-row')).toHaveCount(0);
});
