/**
 * The case screen and the Sync problems screen, end to end: a practitioner changes a case's risk
 * level, adds a report and a place, and they reach the server; a stale change becomes a conflict the
 * user resolves.
 * The server is checked through its HTTP API, as the users themselves.
 */
import { expect, test, type Page } from '@playwright/test';
import type { CaseSummary } from '../../domain/entities/case.ts';
import { RISK_LEVELS, type RiskLevel } from '../../domain/vocabulary.ts';
import { RISK_LEVEL_LABELS } from '../../renderer/words/display-labels.ts';
import { DEMO_USERS } from '../../server/seed/demo-directory.ts';
import { apiSignIn, callJsonApi as callApi, context, expectAccessibleScreen, leaveSignedOut, openSignedIn } from './e2e-support.ts';

// Another user of the practitioner's own agency, who changes cases on the server "behind" the desktop.
const colleague = DEMO_USERS.find((u) => u.username === 'sgt.owen.price')!;

/** Finds the case in the queue by its reference and opens it. */
async function openCase(page: Page, c: CaseSummary): Promise<void> {
  await page.getByLabel('Filter cases').fill(c.reference);
  await page.getByRole('button', { name: `Open case ${c.reference}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: c.title })).toBeVisible();
}

/** A risk level other than those given. */
const otherRisk = (...not: RiskLevel[]): RiskLevel => RISK_LEVELS.find((r) => !not.includes(r))!;

let me = '';
let them = '';
/** Open cases of the practitioner's agency that both the practitioner and the colleague may change. */
let cases: CaseSummary[] = [];

test.beforeAll(async () => {
  me = await apiSignIn(context.user.username, context.user.password);
  them = await apiSignIn(colleague.username, colleague.password);
  const { agencyId } = await callApi<{ agencyId: string }>(me, 'GET', '/me');
  const list = (token: string) => callApi<{ cases: CaseSummary[] }>(token, 'GET', `/cases?status=open&ownerAgencyId=${agencyId}&limit=200`);
  const theirs = new Set((await list(them)).cases.filter((c) => c.abilities.update).map((c) => c.id));
  cases = (await list(me)).cases.filter((c) => c.abilities.update && c.abilities.close && theirs.has(c.id));
  expect(cases.length).toBeGreaterThanOrEqual(3);
});

test.afterAll(async ({ browser }) => {
  await leaveSignedOut(browser);
});

test('a practitioner opens a case, sees its active warnings, changes its risk level, and the change reaches the server', async ({ page }) => {
  test.setTimeout(180_000);
  const c = cases[0]!;
  const marker = (description: string, expiresAt: string | null) => callApi(me, 'POST', '/markers', {
    subjectType: 'case', subjectId: c.id, markerType: 'staff_safety', description, reviewDate: '2030-01-01', expiresAt,
  });
  await marker('Dog on premises: call ahead before visiting', null);
  await marker('Expired warning that must not show', '2020-01-01T00:00:00.000Z');

  await openSignedIn(page);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 20_000 });
  await openCase(page, c);
  const banner = page.getByRole('region', { name: /Safety warnings/ });
  await expect(banner).toContainText('Dog on premises: call ahead before visiting');
  await expect(banner).not.toContainText('Expired warning');
  await expect(page.getByTestId('case-risk')).toHaveText(RISK_LEVEL_LABELS[c.riskLevel]);

  const chosen = otherRisk(c.riskLevel);
  await page.getByLabel('Risk level', { exact: true }).selectOption(chosen);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('case-risk')).toHaveText(RISK_LEVEL_LABELS[chosen]);

  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 20_000 });
  await expect.poll(async () => (await callApi<CaseSummary>(me, 'GET', `/cases/${c.id}`)).riskLevel, { timeout: 20_000 }).toBe(chosen);
  await expect(page.getByTestId('case-local-changes')).toHaveCount(0);
  await expect(page.getByText('Saved on this computer.', { exact: true })).toHaveCount(0); // the news is now "up to date", not "saved here"

  // A new place on the case: bad input is refused beside its field, then it shows at once and reaches the server.
  const postcode = `RV${1 + (Date.now() % 9)} ${1 + (Date.now() % 8)}QX`;
  await page.getByRole('button', { name: 'Add a place' }).click();
  const placeDialog = page.getByRole('dialog', { name: 'Add a place to the case' });
  await placeDialog.getByLabel('Address').fill('7 Lantern Yard');
  await placeDialog.getByLabel('Town').fill('Riverton');
  await placeDialog.getByLabel('Postcode').fill('not a postcode');
  await placeDialog.getByRole('button', { name: 'Add the place' }).click();
  await expect(placeDialog.getByLabel('Postcode')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessibleScreen(page, 'add-place-dialog');
  await placeDialog.getByLabel('Postcode').fill(postcode.toLowerCase());
  await placeDialog.getByLabel('Why this place matters to the case').fill('Where the occupant was spoken to');
  await placeDialog.getByRole('button', { name: 'Add the place' }).click();
  await expect(placeDialog).toBeHidden();
  const placeItem = page.getByTestId('case-places').getByRole('listitem').filter({ hasText: postcode });
  await expect(placeItem).toContainText('7 Lantern Yard, Riverton');
  await expect(placeItem).toContainText('Where the occupant was spoken to');
  await expect.poll(async () => (await callApi<{ locations: Array<{ postcode: string }> }>(me, 'GET', `/cases/${c.id}`)).locations.map((l) => l.postcode), {
    timeout: 20_000,
  }).toContain(postcode);

  // A report added on the case shows at once and reaches the server.
  await page.getByRole('button', { name: 'Add a report' }).click();
  await page.getByLabel('Kind', { exact: true }).selectOption('contact');
  await page.getByLabel('Title', { exact: true }).fill('Door-step visit after the warning');
  await page.getByLabel('Report', { exact: true }).fill('Called ahead as the warning asks; spoke with the occupant at the door.');
  await page.getByRole('button', { name: 'Save report' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Door-step visit after the warning' })).toBeVisible();
  await expect.poll(async () => (await callApi<{ reports: Array<{ title: string }> }>(me, 'GET', `/cases/${c.id}/reports`)).reports.map((r) => r.title), {
    timeout: 20_000,
  }).toContain('Door-step visit after the warning');
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 20_000 });

  // The author corrects the report's title on the server: the case screen offers its versions, who and when.
  const { reports } = await callApi<{ reports: Array<{ id: string; title: string }> }>(me, 'GET', `/cases/${c.id}/reports`);
  const written = reports.find((r) => r.title === 'Door-step visit after the warning')!;
  await callApi(me, 'PATCH', `/reports/${written.id}`, { title: 'Door-step visit after the warning (corrected)' });
  await page.getByRole('button', { name: 'Sync now' }).click();
  const versionsToggle = page.getByRole('button', { name: 'Versions of Door-step visit after the warning (corrected) (2)' });
  await versionsToggle.click({ timeout: 20_000 });
  const versions = page.getByTestId('report-versions').getByRole('listitem');
  await expect(versions).toHaveCount(2, { timeout: 20_000 });
  await expect(versions.first()).toContainText('Version 1: “Door-step visit after the warning”');
  await expect(versions.first()).toContainText('by the author (Northshire Police)');
  await expect(versions.last()).toContainText('(current)');
  await expectAccessibleScreen(page, 'report-versions');

  // The chronology tab: newest first, the report just written at the top with its agency; the ended warning's end is an entry too.
  await page.getByRole('tab', { name: 'Chronology' }).click();
  const chronology = page.getByTestId('case-chronology');
  await expect(chronology.getByRole('listitem').first()).toContainText('Report: Door-step visit after the warning');
  await expect(chronology.getByRole('listitem').first()).toContainText('Northshire Police');
  await expect(chronology).toContainText('Warning placed: Staff safety — Dog on premises: call ahead before visiting');
  await expect(chronology).toContainText('Warning ended: Staff safety — Expired warning that must not show');
  await expect(chronology).toContainText(`Case opened: ${c.title}`);
  await expect(chronology).toContainText(`7 Lantern Yard, ${postcode}`);
  await expectAccessibleScreen(page, 'case-chronology');
  // The safety banner stays above the tabs, and arrow keys go back to the overview.
  await expect(banner).toContainText('Dog on premises');
  await page.getByRole('tab', { name: 'Chronology' }).press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('case-risk')).toHaveText(RISK_LEVEL_LABELS[chosen]);
});

test('a change made from a stale view becomes a conflict; "Take theirs" clears it and the case shows the server value', async ({ page }) => {
  const c = cases[1]!;
  await openSignedIn(page);
  await openCase(page, c);
  const before = await callApi<CaseSummary>(them, 'GET', `/cases/${c.id}`);
  const theirs = otherRisk(before.riskLevel);
  const mine = otherRisk(before.riskLevel, theirs);

  // I start editing from the version I see...
  await page.getByLabel('Risk level', { exact: true }).selectOption(mine);
  // ...while my colleague changes the risk level on the server, and my desktop syncs it.
  await callApi(them, 'PATCH', `/cases/${c.id}`, { riskLevel: theirs, expectedVersion: before.version });
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('case-risk')).toHaveText(RISK_LEVEL_LABELS[theirs], { timeout: 20_000 });
  await expect(page.getByText('This case has changed since you started editing.')).toBeVisible();

  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('1 conflict to resolve', { timeout: 20_000 });
  expect((await callApi<CaseSummary>(me, 'GET', `/cases/${c.id}`)).riskLevel).toBe(theirs); // never silently overwritten

  await page.getByRole('button', { name: 'Sync problems (1)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sync problems' })).toBeVisible();
  const conflict = page.getByTestId('sync-conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict.getByRole('heading', { level: 3 })).toContainText(c.reference);
  await expect(conflict.getByRole('row', { name: /Risk level/ })).toHaveText(
    new RegExp(`Risk level\\s*${RISK_LEVEL_LABELS[mine]}\\s*${RISK_LEVEL_LABELS[theirs]}`),
  );
  await expect(conflict.getByRole('button', { name: 'Merge' })).toHaveCount(0); // a risk level is a choice, not text

  await conflict.getByRole('button', { name: 'Take theirs' }).click();
  await expect(page.getByTestId('sync-conflict')).toHaveCount(0);
  await expect(page.getByText('No sync problems')).toBeVisible();
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 20_000 });
  await expect(page.getByRole('button', { name: /Sync problems/ })).toHaveCount(0);

  await page.getByRole('button', { name: '← Back to case queue' }).click();
  await openCase(page, c);
  await expect(page.getByTestId('case-risk')).toHaveText(RISK_LEVEL_LABELS[theirs]);
  expect((await callApi<CaseSummary>(them, 'GET', `/cases/${c.id}`)).riskLevel).toBe(theirs);
});

test('two closures with different reasons become a conflict the user resolves by merging the text', async ({ page }) => {
  const c = cases[2]!;
  await openSignedIn(page);
  await openCase(page, c);
  const before = await callApi<CaseSummary>(them, 'GET', `/cases/${c.id}`);

  await page.getByLabel('Status', { exact: true }).selectOption('closed');
  await page.getByLabel('Closure reason', { exact: true }).fill('Resolved after mediation.');
  await callApi(them, 'PATCH', `/cases/${c.id}`, { status: 'closed', closureReason: 'Tenant moved away.', expectedVersion: before.version });
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('Closed — Tenant moved away.', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('1 conflict to resolve', { timeout: 20_000 });

  // The case screen says so too, and leads to the Sync problems screen.
  await expect(page.getByTestId('case-local-changes')).toContainText('conflicts with a newer version');
  await page.getByRole('button', { name: 'Review sync problems' }).click();
  const conflict = page.getByTestId('sync-conflict');
  await expect(conflict.getByRole('row', { name: /Closure reason/ })).toHaveText(/Closure reason\s*Resolved after mediation\.\s*Tenant moved away\./);
  await conflict.getByRole('button', { name: 'Merge' }).click();
  const editor = conflict.getByLabel('Merged closure reason');
  await expect(editor).toHaveValue('Tenant moved away.\nResolved after mediation.');
  await editor.fill('Resolved after mediation; the tenant then moved away.');
  await conflict.getByRole('button', { name: 'Save merged text' }).click();
  await expect(page.getByTestId('sync-conflict')).toHaveCount(0);

  await expect.poll(async () => (await callApi<CaseSummary>(them, 'GET', `/cases/${c.id}`)).closureReason, { timeout: 20_000 })
    .toBe('Resolved after mediation; the tenant then moved away.');
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 20_000 });
  await page.getByRole('button', { name: '← Back to case queue' }).click();
  await openCase(page, c);
  await expect(page.getByTestId('case-status')).toHaveText('Closed — Resolved after mediation; the tenant then moved away.');
});

test('the author edits a report from the case screen; an edit from a version changed elsewhere becomes a conflict merged in Sync problems', async ({ page }) => {
  test.setTimeout(180_000);
  const c = cases[0]!;
  const title = `Visit to correct ${Date.now() % 100_000}`;
  const { id: reportId } = await callApi<{ id: string }>(me, 'POST', `/cases/${c.id}/reports`, { kind: 'contact', title, body: 'First account of the visit.' });
  const onServer = async () => (await callApi<{ body: string; version: number }>(me, 'GET', `/reports/${reportId}`));
  await openSignedIn(page);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 20_000 });
  await openCase(page, c);

  // From the keyboard: the Edit button opens the dialog with the whole text; an empty title is refused beside it.
  await page.getByRole('button', { name: `Edit ${title}` }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Edit the report' });
  await expect(dialog.getByLabel('Report', { exact: true })).toHaveValue('First account of the visit.');
  await dialog.getByLabel('Title', { exact: true }).fill('');
  await dialog.getByRole('button', { name: 'Save the changes' }).click();
  await expect(dialog.getByLabel('Title', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessibleScreen(page, 'edit-report-dialog');
  await dialog.getByLabel('Title', { exact: true }).fill(title);
  await dialog.getByLabel('Report', { exact: true }).fill('Corrected account of the visit.');
  await dialog.getByRole('button', { name: 'Save the changes' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await onServer()).body, { timeout: 20_000 }).toBe('Corrected account of the visit.');
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 20_000 });

  // The dialog shows version 2; meanwhile the author changes the text on another computer.
  await page.getByRole('button', { name: `Edit ${title}` }).click();
  await expect(dialog.getByLabel('Report', { exact: true })).toHaveValue('Corrected account of the visit.');
  await callApi(me, 'PATCH', `/reports/${reportId}`, { body: 'Account changed on another computer.', expectedVersion: 2 });
  await dialog.getByLabel('Report', { exact: true }).fill('Account finished on this computer.');
  await dialog.getByRole('button', { name: 'Save the changes' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('1 conflict to resolve', { timeout: 20_000 });
  expect(await onServer()).toMatchObject({ body: 'Account changed on another computer.', version: 3 }); // never silently overwritten

  await page.getByRole('button', { name: 'Review sync problems' }).click();
  const conflict = page.getByTestId('sync-conflict');
  await expect(conflict.getByRole('row', { name: /Text/ })).toHaveText(/Text\s*Account finished on this computer\.\s*Account changed on another computer\./);
  await conflict.getByRole('button', { name: 'Merge' }).click();
  const editor = conflict.getByLabel('Merged text');
  await editor.fill('Account changed on another computer, then finished on this one.');
  await expectAccessibleScreen(page, 'report-conflict-merge');
  await conflict.getByRole('button', { name: 'Save merged text' }).click();
  await expect(page.getByTestId('sync-conflict')).toHaveCount(0);
  await expect.poll(async () => (await onServer()).body, { timeout: 20_000 }).toBe('Account changed on another computer, then finished on this one.');
  expect((await onServer()).version).toBe(4);
});

test('a place already on this computer is found by its postcode and put on another case, from the keyboard', async ({ page }) => {
  test.setTimeout(120_000);
  const [first, second] = [cases[0]!, cases[1]!];
  const postcode = `RV${1 + (Date.now() % 9)} ${1 + (Date.now() % 7)}FP`;
  const place = await callApi<{ id: string }>(me, 'POST', '/locations', { addressLine: '9 Gull Terrace', town: 'Riverton', postcode });
  await callApi(me, 'POST', `/cases/${first.id}/locations`, { locationId: place.id, description: 'Where the first incident happened' });
  await openSignedIn(page);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 20_000 });
  await openCase(page, second);

  await page.getByRole('button', { name: 'Add a place' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a place to the case' });
  const search = dialog.getByLabel('Find a place already on this computer');
  await search.fill(postcode.replace(' ', '').toLowerCase());
  await search.press('Enter');
  const use = dialog.getByRole('button', { name: `Use this place: 9 Gull Terrace, Riverton, ${postcode}` });
  await expect(use).toBeVisible({ timeout: 10_000 });
  await expectAccessibleScreen(page, 'find-place');
  await use.focus();
  await page.keyboard.press('Enter');
  await dialog.getByLabel('Why this place matters to the case').fill('The suspect was seen here');
  await dialog.getByRole('button', { name: 'Add this place to the case' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('case-places').getByRole('listitem').filter({ hasText: postcode })).toContainText('The suspect was seen here');
  // The same place, not a copy of its address.
  await expect.poll(async () => (await callApi<{ locations: Array<{ locationId: string }> }>(me, 'GET', `/cases/${second.id}`)).locations.map((l) => l.locationId), {
    timeout: 20_000,
  }).toContain(place.id);
});
