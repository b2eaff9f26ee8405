/**
 * The audit screen, end to end: the police practitioner reads a case the council owns (a partner's
 * read); the council's data officer signs in, opens Audit from the top bar, filters by that case and
 * by action, finds the police read, opens its detail (who, agency, device, IP, outcome), then opens
 * the case through break-glass with a justification and finds that view in the trail too.
 */
import { expect, test } from '@playwright/test';
import { DEMO_USERS } from '../../server/seed/demo-directory.ts';
import { apiSignIn, callJsonApi, context, expectAccessibleScreen, leaveSignedOut, signInAs } from './e2e-support.ts';

const officer = DEMO_USERS.find((u) => u.username === 'tom.fisher')!;
const councilPractitioner = DEMO_USERS.find((u) => u.agencyCode === 'RCC' && u.role === 'practitioner')!;

test.afterAll(async ({ browser }) => {
  await leaveSignedOut(browser);
});

test("the council's data officer finds the police's read of a council case, and opens its detail", async ({ page }) => {
  // A council case the police may see, read by the police practitioner through the API (an audited view; nothing is created).
  const council = await apiSignIn(councilPractitioner.username, councilPractitioner.password);
  const { agencyId: councilId } = await callJsonApi<{ agencyId: string }>(council, 'GET', '/me');
  const police = await apiSignIn();
  const { cases } = await callJsonApi<{ cases: Array<{ id: string; reference: string }> }>(police, 'GET', `/cases?ownerAgencyId=${councilId}&limit=1`);
  const read = cases[0]!;
  expect(context.sharedInReferences).toContain(read.reference);
  await callJsonApi(police, 'GET', `/cases/${read.id}`);

  await leaveSignedOut(page.context().browser()!);
  await signInAs(page, officer);

  await page.getByRole('button', { name: 'Audit', exact: true }).click();
  const screen = page.getByTestId('audit');
  await expect(screen.getByRole('heading', { level: 1, name: 'Audit' })).toBeFocused();
  await expect(screen.getByRole('status')).toContainText('events shown');

  await screen.getByLabel('Case ID').fill(read.id);
  await screen.getByLabel('Action').selectOption({ label: 'Viewed a record' });
  await screen.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(new RegExp(`case=${read.id}`));
  const rows = screen.getByRole('table').getByRole('row').filter({ hasText: 'PC Amelia Hart' });
  await expect(rows.first()).toContainText('Northshire Police');
  await expect(rows.first()).toContainText('Viewed a record');

  // Keyboard: the row's time is a button; Enter opens the detail, whose heading takes focus.
  await rows.first().getByRole('button').focus();
  await page.keyboard.press('Enter');
  const detail = screen.getByTestId('audit-event-detail');
  await expect(detail.getByRole('heading', { name: 'Viewed a record' })).toBeFocused();
  await expect(detail).toContainText('PC Amelia Hart');
  await expect(detail).toContainText('IP address');
  await expect(detail).toContainText('127.0.0.1');
  await expect(detail).toContainText('Succeeded');
  await expect(detail).toContainText(read.id);
  // Accessible as it is, at 200 % zoom and in the dark theme; screenshots kept as artifacts.
  await expectAccessibleScreen(page, 'audit');

  // Break-glass: the case opens read-only only after a justification, and the view is itself in the trail.
  await detail.getByRole('button', { name: 'Open this case (break-glass)' }).click();
  const ask = page.getByRole('dialog', { name: 'Open this case (break-glass)' });
  await ask.getByLabel('Why do you need to open this case?').fill('Checking which partner read this case: complaint ref 2026/118.');
  await ask.getByRole('button', { name: 'Open read-only' }).click();
  const opened = page.getByRole('dialog', { name: `Break-glass view: ${read.reference}` });
  await expect(opened.getByTestId('break-glass-case')).toContainText('Read-only');
  await expectAccessibleScreen(page, 'audit-break-glass');
  await page.keyboard.press('Escape');
  await expect(opened).toBeHidden();
  await screen.getByLabel('Action').selectOption({ label: 'Break-glass view' });
  await screen.getByRole('button', { name: 'Search' }).click();
  await expect(screen.getByRole('table').getByRole('row').filter({ hasText: 'Tom Fisher' }).first()).toContainText('Break-glass view');
});
