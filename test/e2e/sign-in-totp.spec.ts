/**
 * The authenticator-app second factor, end to end: a practitioner of an agency that requires one
 * signs in, is shown the set-up (QR code and key), reads the key, confirms with a code computed
 * here with the server's own TOTP helper, signs out, and signs in again with the next code; a
 * wrong code is refused with a clear message. axe on each step.
 */
import { expect, test, type Page } from '@playwright/test';
import { totpCode, totpStep } from '../../server/auth/totp.ts';
import { context, expectAccessibleScreen, leaveSignedOut } from './e2e-support.ts';

const CODE_LABEL = 'Enter the 6-digit code from your authenticator app';

/** Waits for a time step after `used`, so the code is new (each code signs in once). */
async function codeAfter(page: Page, secret: string, used: number): Promise<string> {
  while (totpStep(new Date()) <= used) {
    await page.waitForTimeout(1_000);
  }
  return totpCode(secret, new Date());
}

async function password(page: Page) {
  await page.goto(context.url);
  await expect(page.getByLabel('Username').or(page.getByTestId('sync-status'))).toBeVisible();
  await page.getByLabel('Username').fill(context.totpUser.username);
  await page.getByLabel('Password').fill(context.totpUser.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test.afterAll(async ({ browser }) => leaveSignedOut(browser));

test('sets up an authenticator app at sign-in, then signs in with its codes; a wrong code is refused', async ({ page }) => {
  test.setTimeout(180_000);
  await leaveSignedOut(page.context().browser()!);
  await password(page);

  await expect(page.getByRole('heading', { name: 'Set up an authenticator app' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('img', { name: 'QR code for setting up your authenticator app' })).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectAccessibleScreen(page, 'totp-set-up');

  const input = page.getByLabel(CODE_LABEL);
  await expect(input).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(input).toHaveAttribute('inputmode', 'numeric');
  const right = totpCode(secret, new Date());
  await input.fill(right === '000000' ? '111111' : '000000');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('That code is wrong or has been used already. Wait for the next code in your authenticator app and enter it.');
  await expectAccessibleScreen(page, 'totp-set-up-wrong-code');

  const confirmStep = totpStep(new Date());
  await input.fill(totpCode(secret, new Date()));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('sync-status')).toBeVisible({ timeout: 30_000 });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('dialog', { name: 'Sign out of Casebridge?' }).getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('Username')).toBeVisible();

  // Set up now: the password is followed by the code step.
  await password(page);
  await expect(page.getByRole('heading', { name: 'Enter your code' })).toBeVisible({ timeout: 20_000 });
  await expectAccessibleScreen(page, 'totp-code');
  await page.getByLabel(CODE_LABEL).fill(await codeAfter(page, secret, confirmStep));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('sync-status')).toBeVisible({ timeout: 30_000 });
});
