/**
 * The SafeLives MARAC data return, end to end (docs/marac.md): an IDVA (nia.roberts) refers two
 * victims through the API; the council's coordinator (helen.clarke) puts them on a meeting of this
 * quarter; the data return screen shows the same figures as the server's JSON for the quarter, with
 * and without suppression, passes axe, and saves a CSV marked OFFICIAL-SENSITIVE. The meeting screen
 * links to that meeting's own return, which shows the server's per-meeting figures.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { figureLines } from '../../domain/marac/data-return-rows.ts';
import type { DataReturnRecord } from '../../domain/marac/data-return-record.ts';
import { quarterOf, quarterSpan } from '../../domain/marac/data-return-quarter.ts';
import { DEMO_USERS } from '../../server/seed/demo-directory.ts';
import { apiSignIn, callJsonApi, context, expectAccessibleScreen, leaveSignedOut } from './e2e-support.ts';

const idva = DEMO_USERS.find((u) => u.username === 'nia.roberts')!;
const coordinator = DEMO_USERS.find((u) => u.username === 'helen.clarke')!;

/** Signs the app in as `user`, signing out whoever is signed in first. */
async function openSignedInAs(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.goto(context.url);
  await expect(page.getByLabel('Username').or(page.getByTestId('sync-status'))).toBeVisible();
  if (await page.getByTestId('sync-status').isVisible()) {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('dialog', { name: 'Sign out of Casebridge?' }).getByRole('button', { name: 'Sign out' }).click();
  }
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 30_000 });
}

/** The rows of the figures table as [label, value] text. */
async function tableRows(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));
}

/** What the screen's figures table should show for a return. */
const expectedRows = (r: DataReturnRecord) => figureLines(r.figures).map((l) => [l.label, l.cell === null ? '–' : String(l.cell)]);

test.afterAll(async ({ browser }) => {
  await leaveSignedOut(browser);
});

test('the coordinator’s data return shows the server’s figures for the quarter, suppressed or not, and saves a marked CSV', async ({ page }) => {
  test.setTimeout(180_000);
  const token = await apiSignIn(idva.username, idva.password);
  const familyName = `Quarterly${randomBytes(3).toString('hex')}`;
  const { areas } = await callJsonApi<{ areas: Array<{ id: string; name: string }> }>(token, 'GET', '/marac/areas');
  const area = areas.find((a) => a.name === 'Riverton MARAC')!;
  const today = new Date().toISOString().slice(0, 10);
  const refer = async (given: string, gender: 'female' | 'male', ethnicity: string | null) => {
    const person = async (name: string, g: string, dateOfBirth: string) => (await callJsonApi<{ person: { id: string } }>(token, 'POST', '/persons', {
      givenName: name, familyName, dateOfBirth, gender: g, consentStatus: 'given',
    })).person.id;
    const victim = await person(given, gender, '1990-03-04');
    const perpetrator = await person(`${given}s-ex`, 'male', '2010-01-01');
    const dash = await callJsonApi<{ id: string }>(token, 'POST', `/persons/${victim}/dash-assessments`, {
      version: '2015', answers: Array.from({ length: 24 }, (_, i) => ({ n: i + 1, answer: i < 15 ? 'yes' : 'no' })),
    });
    return callJsonApi<{ id: string }>(token, 'POST', '/marac/referrals', {
      maracAreaId: area.id, dashAssessmentId: dash.id, referredOn: today,
      contact: { name: idva.displayName, phone: '01000 000000', email: null },
      victim: { personId: victim, address: null, phone: null, safeToCall: false, safeContactTimes: null },
      diversity: { ethnicity, disability: 'yes', sexualOrientation: null, lgbtPlus: 'not_known', gender },
      perpetrators: [{ personId: perpetrator, relationshipToVictim: 'Partner', address: null }],
      consent: { victimAware: true, consentGiven: true, justification: null },
    });
  };
  const referrals = [await refer('Odile', 'female', 'Black British'), await refer('Piran', 'male', null)];

  // A meeting of the area on a free day of this quarter, with both referrals on its agenda.
  const coordinatorToken = await apiSignIn(coordinator.username, coordinator.password);
  const quarter = quarterOf(today);
  const { first, last } = quarterSpan(quarter);
  const days = (Date.parse(last) - Date.parse(first)) / 86_400_000 + 1;
  let meetingId: string | null = null;
  for (let attempt = 0; attempt < 20 && meetingId === null; attempt += 1) {
    const date = new Date(Date.parse(first) + randomInt(days) * 86_400_000).toISOString().slice(0, 10);
    const res = await fetch(`${context.serverUrl}/marac/meetings`, {
      method: 'POST', headers: { authorization: `Bearer ${coordinatorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ maracAreaId: area.id, date, chair: 'Synthetic Chair' }),
    });
    if (res.status === 200) {
      meetingId = ((await res.json()) as { id: string }).id;
    }
  }
  expect(meetingId).not.toBeNull();
  for (const r of referrals) {
    await callJsonApi(coordinatorToken, 'POST', `/marac/meetings/${meetingId!}/agenda`, { referralId: r.id });
  }
  const meetingReturn = await callJsonApi<DataReturnRecord>(coordinatorToken, 'GET', `/marac/meetings/${meetingId!}/data-return`);
  expect(expectedRows(meetingReturn).slice(0, 2)).toEqual([['Cases discussed', '2'], ['Repeat cases', '0']]);
  expect(meetingReturn.figures.maleVictims).toEqual({ suppressed: false, value: 1 });
  expect(meetingReturn.figures.harmCauser17OrUnder).toEqual({ suppressed: false, value: 2 });

  await openSignedInAs(page, coordinator);
  await page.getByRole('button', { name: 'MARAC data return' }).click();
  const screen = page.getByTestId('marac-data-return');
  await expect(screen.getByRole('heading', { level: 1, name: 'MARAC data return' })).toBeFocused();
  await expect(screen.getByLabel('MARAC area')).toHaveValue(area.id);
  await expect(screen.getByLabel('Quarter')).toHaveValue(quarter);
  const figures = screen.getByRole('table', { name: 'The return’s figures' });
  await expect(figures).toBeVisible();
  // Read the server's JSON after the screen has loaded: the same figures, whatever other tests added before.
  const plain = await callJsonApi<DataReturnRecord>(coordinatorToken, 'GET', `/marac/data-return?areaId=${area.id}&quarter=${quarter}`);
  expect(await tableRows(figures)).toEqual(expectedRows(plain));
  await expectAccessibleScreen(page, 'marac-data-return');

  await screen.getByRole('checkbox', { name: 'Suppress counts under 5' }).check();
  await expect(page).toHaveURL(/suppress=true/);
  await expect(screen.getByText('Counts under 5 are shown as “fewer than 5” and left out of the charts.')).toBeVisible();
  const suppressed = await callJsonApi<DataReturnRecord>(coordinatorToken, 'GET', `/marac/data-return?areaId=${area.id}&quarter=${quarter}&suppressUnder5=true`);
  expect(await tableRows(screen.getByRole('table', { name: 'The return’s figures' }))).toEqual(expectedRows(suppressed));
  await expectAccessibleScreen(page, 'marac-data-return-suppressed');

  const download = new Promise<Download>((resolve) => page.once('download', resolve));
  await screen.getByRole('button', { name: 'Save as CSV' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe(`MARAC-data-return-Riverton-MARAC-${quarter}.csv`);
  const text = await (await saved.createReadStream()).toArray();
  const lines = Buffer.concat(text as Buffer[]).toString('utf8').split('\r\n');
  expect(lines[0]).toBe('OFFICIAL-SENSITIVE');
  expect(lines).toContain(`Cases discussed,${expectedRows(suppressed)[0]![1]!}`);
  await expect(screen.getByRole('status')).toContainText(`Saved MARAC-data-return-Riverton-MARAC-${quarter}.csv`);

  // The meeting's own return, from the meeting screen.
  await page.evaluate((meeting) => { window.location.hash = `#/marac/meetings/${meeting}`; }, meetingId!);
  await page.getByTestId('marac-meeting').getByRole('button', { name: 'Data return for this meeting' }).click();
  await expect(page).toHaveURL(new RegExp(`#/marac/data-return\\?meeting=${meetingId!}$`));
  await expect(screen.getByTestId('data-return-period')).toHaveText(/^Riverton MARAC, meeting of \d{1,2} [A-Z][a-z]{2} \d{4}$/);
  await expect(screen.getByLabel('Quarter')).toHaveCount(0);
  expect(await tableRows(screen.getByRole('table', { name: 'The return’s figures' }))).toEqual(expectedRows(meetingReturn));
  await expectAccessibleScreen(page, 'marac-data-return-meeting');
});
