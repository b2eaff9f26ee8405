/**
 * Subject access requests, end to end (docs/audit.md): the council's data officer logs a request
 * about a person on a police case shared with the council, extends it; the police's data officer
 * withholds the police part under an exemption; the council's officer sees only that it was withheld,
 * redacts a passage of the council's own part, saves a bundle that holds the council's records (so
 * redacted) and none of the police's, and closes the request.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_USERS } from '../../server/seed/demo-directory.ts';
import { apiSignIn, callJsonApi, context, expectAccessibleScreen, leaveSignedOut } from './e2e-support.ts';

const councilOfficer = DEMO_USERS.find((u) => u.username === 'tom.fisher')!;
const policeOfficer = DEMO_USERS.find((u) => u.username === 'ian.brooks')!;
const councilPractitioner = DEMO_USERS.find((u) => u.username === 'raj.patel')!;
const POLICE_TEXT = 'Police intelligence note Quarvish about the caller';
const REDACTED_WORD = 'Tellamore';
const COUNCIL_TEXT = `Council home visit note ${REDACTED_WORD}`;

test.afterAll(async ({ browser }) => {
  await leaveSignedOut(browser);
});

async function signInAs(page: Page, user: { username: string; password: string }): Promise<void> {
  await leaveSignedOut(page.context().browser()!);
  await page.goto(context.url);
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 20_000 });
}

test('a request is logged, the police withhold their part, and the council’s bundle holds none of it', async ({ page }) => {
  test.setTimeout(180_000);
  // A person on a police case shared with the council, and on a council case: both agencies hold records about them.
  const suffix = String(Date.now()).slice(-6);
  const familyName = `Vantreskel${suffix}`;
  const police = await apiSignIn();
  const council = await apiSignIn(councilPractitioner.username, councilPractitioner.password);
  const { agencyId: councilId } = await callJsonApi<{ agencyId: string }>(council, 'GET', '/me');
  const { person } = await callJsonApi<{ person: { id: string } }>(police, 'POST', '/persons', { givenName: 'Orla', familyName, estimatedBirthYear: 1987, gender: 'female', consentStatus: 'not_sought' });
  const policeCase = await callJsonApi<{ id: string; version: number; reference: string }>(police, 'POST', '/cases', { title: 'Synthetic police case', caseType: 'asb' });
  await callJsonApi(police, 'PUT', `/cases/${policeCase.id}/sharing`, { sharingLevel: 'shared', agencyIds: [councilId], hiddenFromSearch: false, expectedVersion: policeCase.version });
  await callJsonApi(police, 'POST', `/cases/${policeCase.id}/subjects`, { personId: person.id, role: 'victim' });
  await callJsonApi(police, 'POST', `/cases/${policeCase.id}/reports`, { kind: 'contact', title: 'Synthetic note', body: POLICE_TEXT });
  const councilCase = await callJsonApi<{ id: string }>(council, 'POST', '/cases', { title: 'Synthetic council case', caseType: 'asb' });
  await callJsonApi(council, 'POST', `/cases/${councilCase.id}/subjects`, { personId: person.id, role: 'victim' });
  await callJsonApi(council, 'POST', `/cases/${councilCase.id}/reports`, { kind: 'contact', title: 'Synthetic note', body: COUNCIL_TEXT });

  // The council's data officer logs the request through the screens.
  await signInAs(page, councilOfficer);
  await page.getByRole('button', { name: 'Subject access', exact: true }).click();
  const list = page.getByTestId('sars');
  await expect(list.getByRole('heading', { level: 1, name: 'Subject access requests' })).toBeFocused();
  await list.getByRole('button', { name: 'Log a request…' }).click();
  await list.getByLabel('Find the person (name, at least 2 letters)').fill(familyName);
  await list.getByRole('button', { name: 'Search', exact: true }).click();
  await list.getByRole('button', { name: `Choose Orla ${familyName} (born 1987)` }).click();
  await list.getByLabel('Your reference').fill(`SAR-E2E-${suffix}`);
  const today = new Date().toISOString().slice(0, 10);
  await list.getByLabel('Date received').fill(today);
  await list.getByLabel('Requester’s name').fill(`Orla ${familyName}`);
  await list.getByLabel('How to reply (address or email)').fill('1 Synthetic Street, Riverton');
  await expectAccessibleScreen(page, 'sars-log');
  await list.getByRole('button', { name: 'Log the request' }).click();

  const detail = page.getByTestId('sar-detail');
  await expect(detail.getByRole('heading', { level: 1, name: `Request SAR-E2E-${suffix}` })).toBeFocused();
  const policeRow = detail.getByTestId('consultation-state').filter({ hasText: 'Northshire Police' });
  await expect(policeRow).toContainText('Waiting for an answer');
  await expect(detail.getByRole('button', { name: 'Generate and save the bundle' })).toBeDisabled();
  await detail.getByLabel('Extend by').selectOption({ label: 'Two months' });
  await detail.getByLabel('Reason (at least 10 characters)').fill('Complex: records held by two agencies.');
  await detail.getByRole('button', { name: 'Extend' }).click();
  await expect(detail).toContainText('(extended from');
  await expectAccessibleScreen(page, 'sar-detail');

  // The police's data officer finds the consultation and withholds the police part.
  await signInAs(page, policeOfficer);
  await page.getByRole('button', { name: 'Subject access', exact: true }).click();
  await page.getByTestId('sars').getByRole('button', { name: `Open SAR-E2E-${suffix}` }).click();
  const consultation = page.getByTestId('sar-consultation');
  await expect(consultation.getByRole('heading', { level: 1, name: `Consultation on SAR-E2E-${suffix}` })).toBeFocused();
  await expect(consultation.getByTestId('part-item').filter({ hasText: POLICE_TEXT })).toHaveCount(1);
  await expect(consultation).not.toContainText(COUNCIL_TEXT);
  await expectAccessibleScreen(page, 'sar-consultation');
  await consultation.getByLabel('Exemption', { exact: true }).selectOption({ label: 'Crime and taxation (Sch. 2 para. 2)' });
  await consultation.getByLabel('Reason (kept by your agency; at least 10 characters)').fill('Disclosure would prejudice operation Brightwater.');
  await consultation.getByRole('button', { name: 'Withhold our part' }).click();
  await expect(consultation.getByRole('status')).toContainText('Withheld: Crime and taxation');

  // The council's officer sees the part withheld, never why or what, and saves the bundle.
  await signInAs(page, councilOfficer);
  await page.getByRole('button', { name: 'Subject access', exact: true }).click();
  await page.getByTestId('sars').getByRole('button', { name: `Open SAR-E2E-${suffix}` }).click();
  await expect(policeRow).toContainText('Withheld: Crime and taxation (Sch. 2 para. 2)');
  await expect(detail).not.toContainText('Brightwater');
  await expect(detail.getByTestId('sar-due')).toBeVisible();

  // Before the bundle, the officer redacts a passage of the council's own part, from the keyboard.
  await detail.getByRole('button', { name: 'Redact your part…' }).click();
  const redact = page.getByTestId('sar-redact');
  await expect(redact.getByRole('heading', { level: 1, name: `Redact your part of SAR-E2E-${suffix}` })).toBeFocused();
  await expect(redact.getByTestId('part-item').filter({ hasText: COUNCIL_TEXT })).toHaveCount(1);
  await expect(redact).not.toContainText(POLICE_TEXT);
  await redact.getByRole('button', { name: 'Add a passage to redact' }).focus();
  await page.keyboard.press('Enter');
  await expect(redact.getByLabel('Passage 1, exactly as written')).toBeVisible();
  await redact.getByLabel('Passage 1, exactly as written').fill(REDACTED_WORD);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Names an informant of the council');
  await expectAccessibleScreen(page, 'sar-redact');
  const first = page.waitForEvent('download');
  await redact.getByRole('button', { name: 'Generate and save the bundle with these redactions' }).click();
  const json = await first;
  expect(json.suggestedFilename()).toBe(`sar-SAR-E2E-${suffix}.json`);
  const bundle = readFileSync(await json.path(), 'utf8');
  expect(bundle).toContain(COUNCIL_TEXT.replace(REDACTED_WORD, '[redacted]'));
  expect(bundle).not.toContain(REDACTED_WORD);
  expect(bundle).not.toContain(POLICE_TEXT);
  expect(bundle).not.toContain(policeCase.reference);
  await expect(redact.getByRole('status')).toContainText(`Saved sar-SAR-E2E-${suffix}.json and sar-SAR-E2E-${suffix}.pdf`);
  await expectAccessibleScreen(page, 'sar-bundle-saved');
  await redact.getByRole('button', { name: '← Back to the request' }).click();

  // Answered: the officer closes it, and it leaves the open list.
  await detail.getByRole('button', { name: 'Close the request' }).click();
  await expect(detail.getByRole('status').filter({ hasText: 'This request is closed.' })).toBeVisible();
  await detail.getByRole('button', { name: '← Back to requests' }).click();
  await expect(page.getByTestId('sars').getByRole('button', { name: `Open SAR-E2E-${suffix}` })).toHaveCount(0);
  await page.getByTestId('sars').getByLabel('Show').selectOption({ label: 'Closed requests' });
  await expect(page.getByTestId('sars').getByRole('button', { name: `Open SAR-E2E-${suffix}` })).toBeVisible();
});
