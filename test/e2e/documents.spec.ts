/**
 * Documents on the case screen, end to end: a document uploaded to the cloud API reaches the desktop
 * by sync, and "Open" saves exactly the uploaded bytes through the core's `documents.content`; a
 * file attached from the case screen is checked before sending, stored, and shown with its SHA-256;
 * its uploader deletes it after a confirmation, and it leaves the server and the case.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { CaseSummary } from '../../domain/entities/case.ts';
import { multipart } from '../support/document-upload.ts';
import { apiSignIn, callApi, expectAccessibleScreen, leaveSignedOut, openSignedIn } from './e2e-support.ts';

test.afterAll(async ({ browser }) => {
  await leaveSignedOut(browser);
});

test('a document uploaded to a case is listed on the case screen, and Open saves the very same bytes', async ({ page }) => {
  test.setTimeout(180_000);
  const token = await apiSignIn();
  const { agencyId } = await callApi<{ agencyId: string }>(token, 'GET', '/me');
  const { cases } = await callApi<{ cases: CaseSummary[] }>(token, 'GET', `/cases?status=open&ownerAgencyId=${agencyId}&limit=200`);
  const c = cases.find((x) => x.abilities.add_document);
  expect(c, 'an open case of the practitioner\u2019s agency they may attach documents to').toBeDefined();
  // Synthetic content: a PDF header, random bytes (every byte value) and the end marker.
  const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(64 * 1024), Buffer.from('\n%%EOF\n')]);
  const fileName = `Visit notes ${randomBytes(3).toString('hex')}.pdf`;
  await callApi(token, 'POST', `/cases/${c!.id}/documents`, multipart({}, { name: fileName, type: 'application/pdf', content: bytes }), 201);

  await openSignedIn(page);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 20_000 });
  await page.getByLabel('Filter cases').fill(c!.reference);
  await page.getByRole('button', { name: `Open case ${c!.reference}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: c!.title })).toBeVisible();

  const documents = page.getByTestId('case-documents');
  const item = documents.getByRole('listitem').filter({ hasText: fileName });
  await expect(item).toContainText('64 KB');
  const download = page.waitForEvent('download');
  await item.getByRole('button', { name: `Open ${fileName}` }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe(fileName);
  expect((await readFile(await saved.path())).equals(bytes)).toBe(true);
  await expect(documents.getByRole('alert')).toHaveCount(0);

  // Attaching from the case screen: a refused kind and a too-large file are worded beside the
  // control and nothing is sent; an allowed file is stored, its SHA-256 shown, and the case lists it.
  const picker = documents.getByLabel('Attach a file');
  const before = (await callApi<{ documents: unknown[] }>(token, 'GET', `/cases/${c!.id}/documents`)).documents.length;
  await picker.setInputFiles({ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ synthetic') });
  await expect(documents.getByRole('alert')).toContainText('setup.exe is not a kind of file that can be attached');
  await expect(picker).toHaveAttribute('aria-invalid', 'true');
  await expect(documents.getByRole('button', { name: 'Upload' })).toBeDisabled();
  await expectAccessibleScreen(page, 'document-upload-refused');
  await picker.setInputFiles({ name: 'huge.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(20 * 1024 * 1024 + 1, 0x20) });
  await expect(documents.getByRole('alert')).toContainText('a document may be at most 20 MB');
  expect((await callApi<{ documents: unknown[] }>(token, 'GET', `/cases/${c!.id}/documents`)).documents).toHaveLength(before);

  const note = Buffer.from(`Synthetic visit note ${randomBytes(4).toString('hex')}\n`);
  const noteName = `Visit note ${randomBytes(3).toString('hex')}.txt`;
  await picker.setInputFiles({ name: noteName, mimeType: 'text/plain', buffer: note });
  await expect(documents.getByRole('alert')).toHaveCount(0);
  await documents.getByRole('button', { name: 'Upload' }).click();
  await expect(documents.getByTestId('uploaded-document')).toHaveText(`Uploaded ${noteName}. SHA-256: ${createHash('sha256').update(note).digest('hex')}`, { timeout: 20_000 });
  await expect(documents.getByRole('listitem').filter({ hasText: noteName })).toBeVisible({ timeout: 20_000 });
  await expectAccessibleScreen(page, 'document-uploaded');

  // The uploader deletes the note: asked first (Escape keeps it), then it leaves the server and the case.
  const noteItem = documents.getByRole('listitem').filter({ hasText: noteName });
  const noteId = (await callApi<{ documents: Array<{ id: string; fileName: string }> }>(token, 'GET', `/cases/${c!.id}/documents`))
    .documents.find((d) => d.fileName === noteName)!.id;
  await noteItem.getByRole('button', { name: `Delete ${noteName}` }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete this document?' });
  await expect(confirm).toContainText(`“${noteName}” and its content will be deleted`);
  await expectAccessibleScreen(page, 'document-delete-confirm');
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await noteItem.getByRole('button', { name: `Delete ${noteName}` }).click();
  await confirm.getByRole('button', { name: 'Delete the document' }).click();
  await expect(confirm).toBeHidden({ timeout: 20_000 });
  await expect(documents.getByRole('listitem').filter({ hasText: noteName })).toHaveCount(0, { timeout: 20_000 });
  expect((await callApi<{ documents: Array<{ id: string }> }>(token, 'GET', `/cases/${c!.id}/documents`)).documents.map((d) => d.id)).not.toContain(noteId);
});
