/**
 * A MARAC meeting, end to end (docs/marac.md): an IDVA (nia.roberts) refers two victims through the
 * API; the council's coordinator (helen.clarke) schedules a meeting on the desktop, builds its agenda
 * from the referrals and reorders it with Move up, by dragging with the mouse and with the drag
 * handle's keyboard (the order survives a reload). Police (dc.leah.morgan) and housing (sara.khan) attend and acknowledge confidentiality; each adds research and, before the meeting,
 * the police screen does not show housing's. The coordinator records minutes and an action, sees it
 * in the action tracker, and an unfinished action puts its case on the next meeting's agenda. The
 * coordinator generates the police pack, checked with pdftotext for the marking and the watermark,
 * then the packs for all attendees, one copy each.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_USERS } from '../../server/seed/demo-directory.ts';
import { apiSignIn, callJsonApi, context, expectAccessibleScreen, leaveSignedOut } from './e2e-support.ts';

const idva = DEMO_USERS.find((u) => u.username === 'nia.roberts')!;
const coordinator = DEMO_USERS.find((u) => u.username === 'helen.clarke')!;
const police = DEMO_USERS.find((u) => u.username === 'dc.leah.morgan')!;
const housing = DEMO_USERS.find((u) => u.username === 'sara.khan')!;

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

/** A future date unlikely to hold another meeting of the area. */
function futureDate(daysAhead: number): string {
  return new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
}

test.afterAll(async ({ browser }) => {
  await leaveSignedOut(browser);
});

test('the coordinator builds an agenda, agencies add research kept apart before the meeting, actions carry forward, and packs are generated', async ({ page }) => {
  test.setTimeout(240_000);
  const token = await apiSignIn(idva.username, idva.password);
  const familyName = `Thornbury${randomBytes(3).toString('hex')}`;
  const { areas } = await callJsonApi<{ areas: Array<{ id: string; name: string }> }>(token, 'GET', '/marac/areas');
  const area = areas.find((a) => a.name === 'Riverton MARAC')!;
  const refer = async (given: string) => {
    const person = async (name: string, gender: string) => (await callJsonApi<{ person: { id: string } }>(token, 'POST', '/persons', {
      givenName: name, familyName, dateOfBirth: '1990-03-04', gender, consentStatus: 'given',
    })).person.id;
    const victim = await person(given, 'female');
    const perpetrator = await person(`${given}s-ex`, 'male');
    const dash = await callJsonApi<{ id: string }>(token, 'POST', `/persons/${victim}/dash-assessments`, {
      version: '2015', answers: Array.from({ length: 24 }, (_, i) => ({ n: i + 1, answer: i < 15 ? 'yes' : 'no' })),
    });
    return callJsonApi<{ id: string; caseId: string }>(token, 'POST', '/marac/referrals', {
      maracAreaId: area.id, dashAssessmentId: dash.id, referredOn: new Date().toISOString().slice(0, 10),
      contact: { name: idva.displayName, phone: '01000 000000', email: null },
      victim: { personId: victim, address: null, phone: null, safeToCall: false, safeContactTimes: null },
      diversity: { ethnicity: null, disability: 'not_known', sexualOrientation: null, lgbtPlus: 'not_known', gender: 'female' },
      perpetrators: [{ personId: perpetrator, relationshipToVictim: 'Partner', address: null }],
      consent: { victimAware: true, consentGiven: true, justification: null },
    });
  };
  const first = await refer('Imogen');
  const second = await refer('Juno');
  const meetingDate = futureDate(200 + randomInt(300));

  // The coordinator schedules the meeting and builds the agenda on the desktop.
  await openSignedInAs(page, coordinator);
  await page.getByRole('button', { name: 'MARAC meetings' }).click();
  const list = page.getByTestId('marac-meetings');
  await expect(list.getByRole('heading', { level: 1, name: 'MARAC meetings' })).toBeFocused();
  await expectAccessibleScreen(page, 'marac-meetings');
  await list.getByLabel('MARAC area').selectOption({ label: 'Riverton MARAC' });
  await list.getByLabel('Date').fill(meetingDate);
  await list.getByLabel('Chair').fill('DI Synthetic Chair');
  await list.getByRole('button', { name: 'Schedule the meeting' }).click();
  const meeting = page.getByTestId('marac-meeting');
  await expect(meeting.getByRole('heading', { level: 1 })).toBeFocused();
  const meetingId = new URL(page.url()).hash.split('/').pop()!;
  for (const name of [`Imogen ${familyName}`, `Juno ${familyName}`]) {
    const option = await meeting.getByLabel('Referral', { exact: true }).locator('option', { hasText: name }).textContent();
    await meeting.getByLabel('Referral', { exact: true }).selectOption({ label: option! });
    await meeting.getByRole('button', { name: 'Add to the agenda' }).click();
    await expect(meeting.getByTestId('agenda-item').filter({ hasText: name })).toHaveCount(1);
  }
  await meeting.getByRole('button', { name: `Move up: Juno ${familyName}` }).focus();
  await page.keyboard.press('Enter');
  await expect(meeting.getByRole('status').filter({ hasText: 'Agenda order saved.' })).toBeVisible();
  await expect(meeting.getByTestId('agenda-item').first()).toContainText(`Juno ${familyName}`);
  await expectAccessibleScreen(page, 'marac-meeting');

  // Dragging with the mouse: Imogen's handle dropped on the first place; the order is saved and survives a reload.
  const coordinatorToken = await apiSignIn(coordinator.username, coordinator.password);
  const savedOrder = async () => (await callJsonApi<{ agenda: Array<{ victimName: string }> }>(coordinatorToken, 'GET', `/marac/meetings/${meetingId}`))
    .agenda.map((i) => i.victimName.split(' ')[0]);
  const handle = (given: string) => meeting.getByRole('button', { name: `Drag to reorder: ${given} ${familyName}` });
  // A tall window, so that both handles are on screen at once (each agenda case holds its forms).
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: viewport.width, height: 2400 });
  await handle('Juno').scrollIntoViewIfNeeded();
  const from = (await handle('Imogen').boundingBox())!;
  const to = (await handle('Juno').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 - 4, { steps: 2 });
  await page.mouse.up();
  await expect(meeting.getByTestId('agenda-item').first()).toContainText(`Imogen ${familyName}`);
  await expect.poll(savedOrder).toEqual(['Imogen', 'Juno']);
  await page.setViewportSize(viewport);
  await page.reload();
  await expect(meeting.getByTestId('agenda-item').first()).toContainText(`Imogen ${familyName}`);
  // The handle's keyboard drag: Space picks Juno up, the up arrow moves it, Space drops it.
  // Each step waits for the case to be picked up and for what a screen reader hears, as the sensor listens only from then on.
  await handle('Juno').focus();
  await page.keyboard.press('Space');
  await expect(handle('Juno')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText(`Juno ${familyName} is over place 2 of 2.`)).toBeAttached();
  // On a busy machine the sensor may not have measured the places yet when the first arrow comes; a
  // person presses again, and so does the test (the up arrow at the first place stays there).
  await expect(async () => {
    await page.keyboard.press('ArrowUp');
    await expect(page.getByText(`Juno ${familyName} is over place 1 of 2.`)).toBeAttached({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await page.keyboard.press('Space');
  await expect(page.getByText(`Juno ${familyName} dropped at place 1 of 2.`)).toBeAttached();
  await expect(meeting.getByTestId('agenda-item').first()).toContainText(`Juno ${familyName}`);
  await expect.poll(savedOrder).toEqual(['Juno', 'Imogen']);

  // Police and housing attend: the coordinator adds them on the screen; housing acknowledges through the API.
  for (const attendee of [police, housing]) {
    const option = await meeting.getByLabel('Attendee', { exact: true }).locator('option', { hasText: attendee.displayName }).textContent();
    await meeting.getByLabel('Attendee', { exact: true }).selectOption({ label: option! });
    await meeting.getByRole('button', { name: 'Add attendee' }).click();
    await expect(meeting.getByRole('listitem').filter({ hasText: `${attendee.displayName} (` }).filter({ hasText: 'has not acknowledged confidentiality' })).toHaveCount(1);
  }
  const housingToken = await apiSignIn(housing.username, housing.password);
  await callJsonApi(housingToken, 'POST', `/marac/meetings/${meetingId}/acknowledgement`);
  const view = await callJsonApi<{ agenda: Array<{ id: string; caseId: string }> }>(housingToken, 'GET', `/marac/meetings/${meetingId}`);
  const imogenItem = view.agenda.find((i) => i.caseId === first.caseId)!;
  await callJsonApi(housingToken, 'POST', `/marac/meetings/${meetingId}/research`, { agendaItemId: imogenItem.id, nature: 'fact', text: 'Housing fact: rent arrears since August.' });

  // The police officer finds the meeting their agency attends in the top bar, acknowledges and adds research on the
  // desktop; housing's is not shown to them before the meeting.
  await openSignedInAs(page, police);
  await page.getByRole('button', { name: 'MARAC meetings' }).click();
  const meetingDay = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${meetingDate}T00:00:00Z`));
  await list.getByRole('button', { name: meetingDay, exact: true }).click();
  await meeting.getByRole('button', { name: 'I acknowledge the confidentiality of this meeting' }).click();
  const imogen = meeting.getByTestId('agenda-item').filter({ hasText: `Imogen ${familyName}` });
  await imogen.getByRole('radio', { name: 'Professional opinion' }).check();
  await imogen.getByLabel('Research', { exact: true }).fill('Police opinion: risk is escalating quickly.');
  await imogen.getByRole('button', { name: 'Add research' }).click();
  await expect(imogen).toContainText('Police opinion: risk is escalating quickly.');
  await expect(imogen).not.toContainText('rent arrears');
  await expectAccessibleScreen(page, 'marac-meeting-attendee');

  // The coordinator sees both, records minutes and an action, and reads the tracker.
  await openSignedInAs(page, coordinator);
  await page.goto(`${context.url.split('#')[0]}#/marac/meetings/${meetingId}`);
  const imogenForCoordinator = meeting.getByTestId('agenda-item').filter({ hasText: `Imogen ${familyName}` });
  await expect(imogenForCoordinator).toContainText('rent arrears');
  await expect(imogenForCoordinator).toContainText('risk is escalating quickly');
  await imogenForCoordinator.getByLabel('Minutes', { exact: true }).fill('Discussed. Police to visit.');
  await imogenForCoordinator.getByRole('button', { name: 'Save the minutes' }).click();
  await expect(imogenForCoordinator.getByRole('status').filter({ hasText: 'Minutes saved.' })).toBeVisible();
  await imogenForCoordinator.getByLabel('Action (specific)').fill(`Police to visit Imogen ${familyName}`);
  await imogenForCoordinator.getByLabel('How everyone will know it is done').fill('Done when the visit is recorded on the case.');
  await imogenForCoordinator.getByLabel('Owner agency').selectOption({ label: 'Northshire Police' });
  await imogenForCoordinator.getByLabel('Due date').fill(futureDate(600));
  await imogenForCoordinator.getByRole('button', { name: 'Add the action' }).click();
  await expect(imogenForCoordinator.getByRole('table', { name: `Actions on Imogen ${familyName}` })).toContainText(`Police to visit Imogen ${familyName}`);

  // The police copy of the pack, saved by the desktop and read back with pdftotext.
  const download = page.waitForEvent('download');
  await meeting.getByRole('button', { name: `Generate pack for ${police.displayName}` }).click();
  const file = await (await download).path();
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').slice(0, -1);
  expect(pages.length).toBeGreaterThan(1);
  for (const pageText of pages) {
    const lines = pageText.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    expect(lines[0]).toBe('OFFICIAL-SENSITIVE');
    expect(lines.at(-1)).toContain('OFFICIAL-SENSITIVE');
  }
  expect(raw.replace(/\s+/g, '')).toContain(`Copyfor${police.displayName.replace(/\s+/g, '')}`);
  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // Packs for all attendees: one copy each for police and housing, each watermarked for its attendee; the screen says what was saved.
  const downloads: Array<Promise<string>> = [];
  page.on('download', (d) => downloads.push(d.path()));
  await meeting.getByRole('button', { name: 'Generate packs for all attendees' }).click();
  const outcome = meeting.getByTestId('all-packs-outcome');
  await expect(outcome).toContainText('Saved 2 copies of the pack for 2 attendees.', { timeout: 60_000 });
  await expect(outcome.getByRole('listitem').filter({ hasText: `${police.displayName} (` })).toContainText('saved');
  await expect(outcome.getByRole('listitem').filter({ hasText: `${housing.displayName} (` })).toContainText('saved');
  await expect.poll(() => downloads.length).toBe(2);
  const watermarks = await Promise.all(downloads.map(async (path) => execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', await path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')));
  expect(watermarks.filter((t) => t.includes(`Copyfor${police.displayName.replace(/\s+/g, '')}`))).toHaveLength(1);
  expect(watermarks.filter((t) => t.includes(`Copyfor${housing.displayName.replace(/\s+/g, '')}`))).toHaveLength(1);
  await expectAccessibleScreen(page, 'marac-meeting-all-packs');

  // The tracker, then the next meeting: the unfinished action carries its case onto the agenda.
  await meeting.getByRole('button', { name: '← Back' }).click();
  await list.getByRole('button', { name: 'Action tracker' }).click();
  const tracker = page.getByTestId('marac-action-tracker');
  await expect(tracker).toContainText(`Police to visit Imogen ${familyName}`);
  await expectAccessibleScreen(page, 'marac-action-tracker');
  const next = await callJsonApi<{ id: string }>(coordinatorToken, 'POST', '/marac/meetings', { maracAreaId: area.id, date: futureDate(900 + randomInt(300)), chair: 'DI Synthetic Chair' });
  await page.goto(`${context.url.split('#')[0]}#/marac/meetings/${next.id}`);
  const carried = meeting.getByTestId('agenda-item').filter({ hasText: `Imogen ${familyName}` });
  await expect(carried).toContainText('Carried forward (unfinished action)');
  await expect(carried).toContainText(`Police to visit Imogen ${familyName}`);
  expect(second.caseId).not.toBe(first.caseId);
});
