/**
 * Agency administration, end to end: Riverton Homes Association's agency admin (mark.evans) opens
 * Administration from the top bar, creates a user with a generated temporary password, and looks
 * at the teams and devices screens; the new user signs in (a second browser context), must choose a
 * new password, and reaches the queue. The admin cannot manage another agency's users: the API
 * refuses with a clear authorization_error and nothing changes, and the screen never lists them.
 */
import { expect, test } from '@playwright/test';
import { DEMO_USERS } from '../../server/seed/demo-directory.ts';
import { apiSignIn, callJsonApi, context, expectAccessibleScreen, leaveSignedOut, signInAs } from './e2e-support.ts';

const admin = DEMO_USERS.find((u) => u.username === 'mark.evans')!;
const police = DEMO_USERS.find((u) => u.username === 'pc.amelia.hart')!;
const NEW_USERNAME = 'jo.newstart';
const NEW_PASSWORD = 'my own safe passphrase 7';

test.afterAll(async ({ browser }) => {
  await leaveSignedOut(browser);
});

test('an agency admin creates a user, who must choose a new password at the first sign-in and then reaches the queue', async ({ page, browser }) => {
  // Five screens are scanned three ways each, and two people sign in with a first sync.
  test.setTimeout(240_000);
  await leaveSignedOut(browser);
  await signInAs(page, admin);

  await page.getByRole('button', { name: 'Administration' }).click();
  await expect(page).toHaveURL(/#\/admin\/users/);
  const users = page.getByTestId('admin-users');
  await expect(users.getByRole('heading', { level: 1, name: 'Administration: users' })).toBeFocused();
  await expect(users.getByRole('table')).toContainText('Sara Khan');
  // Only Riverton Homes Association's accounts: never another agency's.
  await expect(users.getByRole('table')).not.toContainText(police.displayName);
  await expectAccessibleScreen(page, 'admin-users');

  const form = users.getByRole('form', { name: 'Create a user' });
  await form.getByLabel('Full name').fill('Jo Newstart');
  await form.getByLabel('Username').fill(NEW_USERNAME);
  await form.getByLabel('Role').selectOption({ label: 'Practitioner' });
  // An agency admin is never offered a role above their own.
  await expect(form.getByLabel('Role').locator('option', { hasText: 'System administrator' })).toHaveCount(0);
  await form.getByLabel('Tenancy Enforcement').check();
  await form.getByRole('button', { name: 'Create user' }).click();
  const temporary = (await users.getByTestId('temporary-password').textContent())!.trim();
  expect(temporary).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
  const row = users.getByRole('row').filter({ hasText: NEW_USERNAME });
  await expect(row).toContainText('Active: must choose a new password');
  await expect(row).toContainText('Tenancy Enforcement');
  await expectAccessibleScreen(page, 'admin-users-created');

  // Teams and devices, reached by keyboard from the section navigation.
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('button', { name: 'Teams' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/admin\/teams/);
  await expect(page.getByTestId('admin-teams').getByRole('table')).toContainText('Tenancy Enforcement');
  await expectAccessibleScreen(page, 'admin-teams');
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('button', { name: 'Devices' }).click();
  await expect(page.getByTestId('admin-devices').getByRole('table')).toContainText('Mark Evans');
  await expectAccessibleScreen(page, 'admin-devices');

  // The new user, in a second browser context: the temporary password leads to "Choose a new password".
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('dialog', { name: 'Sign out of Casebridge?' }).getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('Username')).toBeVisible();
  const second = await browser.newContext();
  const newcomer = await second.newPage();
  await newcomer.goto(context.url);
  await newcomer.getByLabel('Username').fill(NEW_USERNAME);
  await newcomer.getByLabel('Password').fill(temporary);
  await newcomer.getByRole('button', { name: 'Sign in' }).click();
  await expect(newcomer.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await expectAccessibleScreen(newcomer, 'choose-new-password');
  await newcomer.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await newcomer.getByLabel('Type the new password again').fill(NEW_PASSWORD);
  await newcomer.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(newcomer.getByTestId('sync-status')).toContainText('Up to date', { timeout: 20_000 });
  await expect(newcomer).toHaveURL(/#\/queue/);
  // A practitioner is not offered administration.
  await expect(newcomer.getByRole('button', { name: 'Administration' })).toHaveCount(0);
  await second.close();
});

test("an agency admin cannot manage another agency's users: refused with a clear error, nothing changed", async () => {
  const token = await apiSignIn(admin.username, admin.password);
  const policeToken = await apiSignIn(police.username, police.password);
  const me = await callJsonApi<{ id: string; agencyId: string }>(policeToken, 'GET', '/me');
  const refusal = { error: { code: 'authorization_error', message: 'You can only manage users and teams of your own agency.' } };
  const attempt = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${context.serverUrl}${path}`, {
      method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  expect(await attempt('GET', `/users?agencyId=${me.agencyId}`)).toEqual({ status: 403, body: refusal });
  expect(await attempt('POST', `/users/${me.id}/disable`)).toEqual({ status: 403, body: refusal });
  expect(await attempt('POST', `/users/${me.id}/password/reset`, {})).toEqual({ status: 403, body: refusal });
  expect(await attempt('POST', '/users', { agencyId: me.agencyId, username: 'planted.officer', displayName: 'Planted', role: 'practitioner' })).toEqual({ status: 403, body: refusal });
  // Nothing changed: the police officer still signs in with their own password, and no account was planted.
  const stillThere = await fetch(`${context.serverUrl}/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: police.username, password: police.password }),
  });
  expect(stillThere.status).toBe(200);
  const planted = await fetch(`${context.serverUrl}/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'planted.officer', password: 'whatever-it-was' }),
  });
  expect(planted.status).toBe(401);
  const own = await callJsonApi<{ users: Array<{ agencyId: string }> }>(token, 'GET', '/users');
  expect(own.users.every((u) => u.agencyId !== me.agencyId)).toBe(true);
});
