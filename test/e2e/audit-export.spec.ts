/**
 * An audit export, end to end: the council's data officer filters the trail, exports it as CSV with
 * a reason, follows it to completion and saves the file, its manifest and its proofs; the offline
 * verifier (`npm run audit:verify-export`), given only those three files and the log's verifier
 * key, accepts them, and refuses them once one row of the CSV is altered. The same search exported
 * as PDF is one file, OFFICIAL-SENSITIVE on every page, which the verifier accepts by its SHA-256.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Download, type Page } from '@playwright/test';
import { DEMO_USERS } from '../../server/seed/demo-directory.ts';
import { context, expectAccessibleScreen, leaveSignedOut, signInAs } from './e2e-support.ts';

const run = promisify(execFile);
const officer = DEMO_USERS.find((u) => u.username === 'tom.fisher')!;

test.afterAll(async ({ browser }) => {
  await leaveSignedOut(browser);
});

/** Runs the offline verifier as an auditor would, with no database: exit code and what it printed. */
async function verifyExport(manifest: string, keyFile: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'server/cli/audit-verify-export.ts', '--manifest', manifest, '--key', `@${keyFile}`]);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

/** Saves each download under its suggested name in `dir`. */
async function saveDownloads(page: Page, dir: string, count: number, start: () => Promise<void>): Promise<string[]> {
  const downloads: Download[] = [];
  const collect = (d: Download) => void downloads.push(d);
  page.on('download', collect);
  await start();
  await expect.poll(() => downloads.length, { timeout: 20_000 }).toBe(count);
  page.off('download', collect);
  const names: string[] = [];
  for (const d of downloads) {
    await d.saveAs(join(dir, d.suggestedFilename()));
    names.push(d.suggestedFilename());
  }
  return names;
}

test('a data officer exports filtered events with a reason, and the offline verifier accepts the saved export', async ({ page }) => {
  // Two exports, each run through the offline verifier (a tsx child process): more than the default minute.
  test.setTimeout(180_000);
  await leaveSignedOut(page.context().browser()!);
  await signInAs(page, officer);

  await page.getByRole('button', { name: 'Audit', exact: true }).click();
  const screen = page.getByTestId('audit');
  await screen.getByLabel('Action').selectOption({ label: 'Signed in' });
  await screen.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/action=auth\.login/);

  const panel = screen.getByTestId('audit-export');
  await panel.getByRole('button', { name: 'Start export' }).click();
  // No reason: refused beside the field, and nothing starts.
  await expect(panel.getByText('Give the reason for this export')).toBeVisible();
  await panel.getByLabel('Reason for the export').fill('Sign-in review requested by the SIRO, ref 2026/207.');
  await panel.getByRole('button', { name: 'Start export' }).click();
  await expect(panel.getByTestId('export-row-count')).toBeVisible({ timeout: 30_000 });
  const rowCount = Number((await panel.getByTestId('export-row-count').textContent())!.replaceAll(',', ''));
  expect(rowCount).toBeGreaterThan(0);
  await expect(panel.getByTestId('export-checkpoint-size')).toContainText('signed checkpoint');
  await expectAccessibleScreen(page, 'audit-export');

  const dir = mkdtempSync(join(tmpdir(), 'cb-e2e-export-'));
  const names = await saveDownloads(page, dir, 3, () => panel.getByRole('button', { name: /^Save audit-export-/ }).click());
  const csv = names.find((n) => n.endsWith('.csv'))!;
  const manifestName = names.find((n) => n.endsWith('.manifest.json'))!;
  expect(names.some((n) => n.endsWith('.proofs.json'))).toBe(true);
  const manifest = JSON.parse(readFileSync(join(dir, manifestName), 'utf8')) as { rowCount: number; sha256: string; reason: string };
  expect(manifest).toMatchObject({ rowCount, reason: 'Sign-in review requested by the SIRO, ref 2026/207.' });
  expect(manifest.sha256).toBe(await panel.getByTestId('export-sha256').textContent());
  const text = readFileSync(join(dir, csv), 'utf8');
  expect(text.split('\r\n')[0]).toBe('OFFICIAL-SENSITIVE');

  const keyFile = join(dir, 'audit.vkey');
  writeFileSync(keyFile, `${context.auditVerifierKey}\n`);
  const accepted = await verifyExport(join(dir, manifestName), keyFile);
  expect(accepted.code, accepted.output).toBe(0);

  // One row altered after the fact: the verifier refuses the export and names the row.
  writeFileSync(join(dir, csv), text.replace('auth.login,', 'auth.logout,'));
  const refused = await verifyExport(join(dir, manifestName), keyFile);
  expect(refused.code, refused.output).not.toBe(0);
  expect(refused.output).toMatch(/row_altered|sha256|altered/i);

  // The same search as PDF: one file, marked on every page, proven like the CSV.
  await panel.getByRole('radio', { name: /PDF/ }).check();
  await panel.getByRole('button', { name: 'Start export' }).click();
  const savePdf = panel.getByRole('button', { name: /^Save audit-export-.*\.pdf/ });
  await expect(savePdf).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: join(dir, 'audit-export-pdf.png') });
  const pdfNames = await saveDownloads(page, dir, 3, () => savePdf.click());
  const pdf = join(dir, pdfNames.find((n) => n.endsWith('.pdf'))!);
  const pages = (await run('pdftotext', ['-layout', pdf, '-'])).stdout.split('\f').filter((p) => p.trim() !== '');
  expect(pages.length).toBeGreaterThan(0);
  for (const text of pages) {
    expect(text.trim().startsWith('OFFICIAL-SENSITIVE')).toBe(true);
  }
  expect(pages[0]).toContain('Sign-in review requested by the SIRO, ref 2026/207.');
  const pdfAccepted = await verifyExport(join(dir, pdfNames.find((n) => n.endsWith('.manifest.json'))!), keyFile);
  expect(pdfAccepted.code, pdfAccepted.output).toBe(0);
  expect(pdfAccepted.output).toContain('PDF rows are not read');
});
