/**
 * The system administrator's agencies and sharing agreements, end to end: the demo system admin adds
 * an agency, which starts sharing with nobody; on Sharing agreements they let it share with the
 * council only, and the matrix says so; the server holds exactly that. On MARAC areas they add an
 * area coordinated by the new agency and change its name and escalation rule, by keyboard. They add a
 * case type, which a practitioner's new-case form offers after a sync. An agency admin is offered none
 * of these screens, and the address of one leads back to Users.
 */
import { expect, test } from '@playwright/test';
import { DEMO_USERS } from '../../server/seed/demo-directory.ts';
import { apiSignIn, callJsonApi, expectAccessibleScreen, leaveSignedOut, openSignedIn, signInAs } from './e2e-support.ts';

const sysadmin = DEMO_USERS.find((u) => u.role === 'system_admin')!;
const agencyAdmin = DEMO_USERS.find((u) => u.username === 'mark.evans')!;
const NEW_AGENCY = 'Synthetic Victim Support Trust';
// Named after the demo's Riverton MARAC, so the referral form's first area (by name) stays Riverton.
const NEW_AREA = 'Synthetic Eastmere MARAC';

test.afterAll(async ({ browser }) => {
  await leaveSignedOut(browser);
});

test('a system administrator adds an agency and lets it share with the council only; the matrix and the server agree', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await leaveSignedOut(browser);
  await signInAs(page, sysadmin);

  await page.getByRole('button', { name: 'Administration' }).click();
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('button', { name: 'Agencies' }).click();
  await expect(page).toHaveURL(/#\/admin\/agencies$/);
  const agencies = page.getByTestId('admin-agencies');
  await expect(agencies.getByRole('heading', { level: 1, name: 'Administration: agencies' })).toBeFocused();
  await expect(agencies.getByRole('row', { name: /^Northshire Police/ })).toBeVisible();

  // Keyboard only: the form's fields in order, then Enter on the button.
  const form = agencies.getByRole('form', { name: 'Add an agency' });
  await form.getByLabel('Name').fill(NEW_AGENCY);
  await form.getByLabel('Code').fill('svst');
  await form.getByLabel('Kind').selectOption({ label: 'Charity' });
  await form.getByRole('button', { name: 'Add agency' }).focus();
  await page.keyboard.press('Enter');
  await expect(agencies.getByRole('status')).toHaveText(`${NEW_AGENCY} (SVST) was added. It shares with nobody until you set its sharing agreements.`);
  const row = agencies.getByRole('row', { name: new RegExp(`^${NEW_AGENCY}`) });
  await expect(row).toContainText('SVST');
  await expect(row).toContainText('Charity');
  await expect(row).toContainText('Nobody yet');
  await expectAccessibleScreen(page, 'admin-agencies');

  await page.getByRole('navigation', { name: 'Administration' }).getByRole('button', { name: 'Sharing agreements' }).click();
  const screen = page.getByTestId('admin-agreements');
  await expect(screen.getByRole('heading', { level: 1, name: 'Administration: sharing agreements' })).toBeFocused();
  await screen.getByLabel('Agency to change').selectOption({ label: NEW_AGENCY });
  const editor = screen.getByRole('form', { name: `Sharing agreements of ${NEW_AGENCY}` });
  await expect(editor.getByLabel('Only agencies it has an agreement with')).toBeChecked();
  await editor.getByLabel('Riverton City Council').check();
  await editor.getByRole('button', { name: 'Save agreements' }).click();
  await expect(editor.getByRole('status')).toHaveText(`Saved. ${NEW_AGENCY} may share with: Riverton City Council.`);
  const matrixRow = screen.getByTestId('agreement-matrix').getByRole('row', { name: new RegExp(`^${NEW_AGENCY}`) });
  await expect(matrixRow.getByRole('cell')).toHaveText(await expectedCells());
  await expectAccessibleScreen(page, 'admin-agreements');

  // The server holds exactly that.
  const token = await apiSignIn(sysadmin.username, sysadmin.password);
  const { agencies: all } = await callJsonApi<{ agencies: Array<{ id: string; name: string; code: string; sharingRestricted: boolean; partnerAgencyIds: string[] }> }>(token, 'GET', '/agencies');
  const council = all.find((a) => a.code === 'RCC')!;
  expect(all.find((a) => a.name === NEW_AGENCY)).toMatchObject({ code: 'SVST', sharingRestricted: true, partnerAgencyIds: [council.id] });

  // MARAC areas: the demo's area is listed; a new one is added and changed, by keyboard.
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('button', { name: 'MARAC areas' }).click();
  await expect(page).toHaveURL(/#\/admin\/marac-areas$/);
  const areasScreen = page.getByTestId('admin-marac-areas');
  await expect(areasScreen.getByRole('heading', { level: 1, name: 'Administration: MARAC areas' })).toBeFocused();
  await expect(areasScreen.getByRole('row', { name: /^Riverton MARAC/ })).toContainText('Riverton City Council');
  const addArea = areasScreen.getByRole('form', { name: 'Add a MARAC area' });
  await addArea.getByLabel('Area name').fill(NEW_AREA);
  await addArea.getByLabel('Coordinating agency').selectOption({ label: NEW_AGENCY });
  await addArea.getByLabel('Escalation: incidents').fill('4');
  await addArea.getByLabel('Escalation: within months').fill('6');
  await addArea.getByRole('button', { name: 'Add area' }).focus();
  await page.keyboard.press('Enter');
  await expect(areasScreen.getByRole('status')).toHaveText(`${NEW_AREA}: added. Coordinated by ${NEW_AGENCY}; escalation at 4 incidents in 6 months.`);
  await expect(areasScreen.getByRole('row', { name: new RegExp(`^${NEW_AREA}`) })).toContainText('4 incidents in 6 months');
  await areasScreen.getByRole('button', { name: `Change ${NEW_AREA}` }).focus();
  await page.keyboard.press('Enter');
  const changeArea = areasScreen.getByRole('form', { name: `Change ${NEW_AREA}` });
  await expect(changeArea.getByLabel('Area name')).toBeFocused();
  await expect(changeArea.getByLabel('Coordinating agency').locator('option:checked')).toHaveText(NEW_AGENCY);
  await changeArea.getByLabel('Area name').fill(`${NEW_AREA} and Fenby`);
  await changeArea.getByLabel('Escalation: incidents').fill('1');
  await changeArea.getByRole('button', { name: 'Save area' }).click();
  // One incident is below the rule's lowest: the form keeps the browser's own check, and nothing is saved.
  await expect(changeArea).toBeVisible();
  await changeArea.getByLabel('Escalation: incidents').fill('3');
  await changeArea.getByRole('button', { name: 'Save area' }).click();
  await expect(areasScreen.getByRole('status')).toHaveText(
    `${NEW_AREA} and Fenby: saved. The change applies to the next referral. Coordinated by ${NEW_AGENCY}; escalation at 3 incidents in 6 months.`);
  await expect(areasScreen.getByRole('heading', { level: 1, name: 'Administration: MARAC areas' })).toBeFocused();
  await expectAccessibleScreen(page, 'admin-marac-areas');
  const { areas } = await callJsonApi<{ areas: Array<{ name: string; coordinatorAgency: { name: string }; escalationIncidents: number; escalationMonths: number }> }>(token, 'GET', '/marac/areas');
  expect(areas.find((a) => a.name.startsWith(NEW_AREA))).toEqual(expect.objectContaining({
    name: `${NEW_AREA} and Fenby`, coordinatorAgency: expect.objectContaining({ name: NEW_AGENCY }), escalationIncidents: 3, escalationMonths: 6,
  }));

  /** Per column, in the matrix's order: Own for itself, Yes for the council, No for the rest. */
  async function expectedCells(): Promise<string[]> {
    const columns = await screen.getByTestId('agreement-matrix').locator('thead th abbr').allTextContents();
    return columns.map((code) => (code === 'SVST' ? 'Own' : code === 'RCC' ? 'Yes' : 'No'));
  }
});

test('a system administrator adds a case type on Case types; a practitioner is offered it for a new case after a sync', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await leaveSignedOut(browser);
  await signInAs(page, sysadmin);
  await page.getByRole('button', { name: 'Administration' }).click();
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('button', { name: 'Case types' }).click();
  await expect(page).toHaveURL(/#\/admin\/case-types$/);
  const types = page.getByTestId('admin-case-types');
  await expect(types.getByRole('heading', { level: 1, name: 'Administration: case types' })).toBeFocused();
  await expect(types.getByRole('row', { name: /^Anti-social behaviour/ })).toContainText('In use');

  const form = types.getByRole('form', { name: 'Add a case type' });
  await form.getByLabel('Name').fill('Cuckooing');
  await form.getByRole('button', { name: 'Add case type' }).focus();
  await page.keyboard.press('Enter');
  await expect(types.getByRole('status')).toHaveText('Cuckooing was added. Desktops offer it for new cases after their next sync.');
  await expect(types.getByRole('row', { name: /^Cuckooing/ })).toContainText('cuckooing');
  // A repeated name is refused in the server's words, and nothing is added.
  await form.getByLabel('Name').fill('CUCKOOING');
  await form.getByRole('button', { name: 'Add case type' }).click();
  await expect(types.getByRole('alert')).toHaveText('There is already a case type called Cuckooing.');
  await expect(types.getByRole('row', { name: /^Cuckooing/i })).toHaveCount(1);
  await expectAccessibleScreen(page, 'admin-case-types');

  // The task escalation days, system-wide; put back afterwards, as other specs escalate at the default.
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('button', { name: 'System settings' }).click();
  const settings = page.getByTestId('admin-settings');
  await expect(settings.getByRole('heading', { level: 1, name: 'Administration: system settings' })).toBeFocused();
  const daysField = settings.getByLabel('Days a task may be overdue before it escalates');
  await expect(daysField).toHaveValue('2');
  await daysField.fill('31');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByRole('alert')).toBeVisible();
  await daysField.fill('3');
  await daysField.press('Enter');
  await expect(settings.getByRole('status')).toHaveText('Saved. Tasks overdue by more than 3 days escalate; desktops use this after their next sync.');
  await expectAccessibleScreen(page, 'admin-settings');
  const token = await apiSignIn(sysadmin.username, sysadmin.password);
  expect(await callJsonApi(token, 'PUT', '/settings/task-escalation-days', { days: 2 })).toEqual({ taskEscalationDays: 2, version: 2 });

  await leaveSignedOut(browser);
  // A fresh page: going to the same address with another hash would not reload the signed-out app.
  const practitioner = await browser.newPage();
  await openSignedIn(practitioner);
  await practitioner.getByRole('button', { name: 'New case' }).click();
  const dialog = practitioner.getByRole('dialog', { name: 'New case' });
  await expect(dialog.getByLabel('Case type').getByRole('option', { name: 'Cuckooing' })).toHaveCount(1);
  await dialog.getByLabel('Case type').selectOption({ label: 'Cuckooing' });
  await expect(dialog.getByLabel('Case type')).toHaveValue('cuckooing');
  await practitioner.keyboard.press('Escape');
  await practitioner.close();
});

test("an agency administrator is offered neither agencies, agreements, MARAC areas nor case types, and their addresses lead back to Users", async ({ page, browser }) => {
  await leaveSignedOut(browser);
  await signInAs(page, agencyAdmin);
  await page.getByRole('button', { name: 'Administration' }).click();
  await expect(page.getByRole('navigation', { name: 'Administration' }).getByRole('button')).toHaveText(['Users', 'Teams', 'Devices']);
  await page.evaluate(() => { window.location.hash = '#/admin/marac-areas'; });
  await expect(page).toHaveURL(/#\/admin\/users$/);
  await page.evaluate(() => { window.location.hash = '#/admin/agreements'; });
  await expect(page).toHaveURL(/#\/admin\/users$/);
  await page.evaluate(() => { window.location.hash = '#/admin/case-types'; });
  await expect(page).toHaveURL(/#\/admin\/users$/);
  await expect(page.getByTestId('admin-users')).toBeVisible();
});
