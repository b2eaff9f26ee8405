// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditExportJob, AuditExportManifest } from '../../../domain/audit/audit-export.ts';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { AuditExport } from './AuditExport.tsx';

const EXPORT_ID = '7b0c4a52-0f0e-4c55-9a8e-2b9f0a1c3d4e';
const USER_ID = '1c7f3b1e-5d2a-4a8b-9c6d-0e1f2a3b4c5d';
const AGENCY_ID = '2d8e4c2f-6e3b-4b9c-8d7e-1f2a3b4c5d6e';
const SHA = 'ab'.repeat(32);
const FILTERS = { action: 'record.view' as const, from: '2026-11-01T00:00:00.000Z' };
const REASON = 'Subject access request 2026/114';

const manifest: AuditExportManifest = {
  manifestVersion: 1, exportId: EXPORT_ID, marking: 'OFFICIAL-SENSITIVE', format: 'xlsx', fileName: `audit-export-${EXPORT_ID}.xlsx`,
  filters: FILTERS, columns: ['seq'], rowCount: 1234, throughSeq: 99, byteLength: 5, sha256: SHA,
  generatedBy: { userId: USER_ID, username: 'do.kim', agencyId: AGENCY_ID }, generatedAt: '2026-12-01T09:00:00.000Z', reason: REASON,
  checkpoint: 'casebridge.example/audit\n104512\nafk3a7dKiW4c+2tCIkAMPGULMQivSLik5MWKBxxzCcc=\n\n— casebridge.example/audit AAAA\n', exportEventSeq: 104500,
  proofs: { fileName: `audit-export-${EXPORT_ID}.proofs.json`, sha256: SHA, byteLength: 7 },
};
const job = (overrides: Partial<AuditExportJob>): AuditExportJob => ({
  id: EXPORT_ID, format: 'xlsx', status: 'running', rowsWritten: 0, rowsTotal: 1234, createdAt: '2026-12-01T08:59:00.000Z', finishedAt: null,
  manifest: null, ...overrides,
});
const ok = (value: unknown) => ({ ok: true, value });

const saved: string[] = [];
const grab = (event: Event) => {
  const link = event.target as HTMLAnchorElement;
  if (link.tagName === 'A') {
    event.preventDefault();
    saved.push(link.download);
  }
};

beforeEach(() => {
  saved.length = 0;
  // jsdom has no Blob URLs; a stand-in that names each blob is enough to follow the saves.
  URL.createObjectURL = () => 'blob:test';
  URL.revokeObjectURL = () => undefined;
  document.addEventListener('click', grab, true);
});
afterEach(() => {
  document.removeEventListener('click', grab, true);
  cleanup();
});

const fillReason = (text: string) => fireEvent.change(screen.getByLabelText('Reason for the export'), { target: { value: text } });
const start = () => fireEvent.click(screen.getByRole('button', { name: 'Start export' }));

describe('the audit export panel', () => {
  it('refuses to start without a reason, or with one too short, and calls nothing', () => {
    const { api, calls } = recordingDesktopApi({});
    renderWithProviders(<AuditExport filters={FILTERS} />, { api });
    start();
    expect(screen.getByRole('alert').textContent).toBe('Give the reason for this export; it is recorded in the audit trail.');
    expect(screen.getByLabelText('Reason for the export').getAttribute('aria-invalid')).toBe('true');
    fillReason('  because ');
    start();
    expect(screen.getByRole('alert').textContent).toBe('Give a reason of at least 10 characters.');
    expect(calls).toEqual([]);
  });

  it('starts an export of the given filters, shows its progress, then its row count and SHA-256, and saves the file and manifest', async () => {
    let polls = 0;
    const { api, calls } = recordingDesktopApi({
      'auditExports.create': () => ok(job({})),
      'auditExports.status': () => ok(++polls === 1 ? job({ rowsWritten: 617 }) : job({ status: 'complete', rowsWritten: 1234, manifest })),
      'auditExports.content': () => ok({
        exportId: EXPORT_ID, fileName: manifest.fileName, contentType: 'application/octet-stream', sizeBytes: 5, base64: 'aGVsbG8=', manifest,
        manifestFileName: `audit-export-${EXPORT_ID}.manifest.json`, proofs: { fileName: `audit-export-${EXPORT_ID}.proofs.json`, base64: 'e30=' },
      }),
    });
    renderWithProviders(<AuditExport filters={FILTERS} pollMs={20} />, { api });
    fireEvent.click(screen.getByLabelText('Excel workbook (XLSX)'));
    fillReason(`  ${REASON} `);
    start();
    const bar = await screen.findByRole('progressbar', { name: 'Export progress' });
    expect(calls[0]).toEqual({ channel: 'auditExports.create', input: { filters: FILTERS, format: 'xlsx', reason: REASON } });
    expect(bar.getAttribute('aria-valuemax')).toBe('1234');
    await waitFor(() => expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('617'));
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('617 of 1,234 events written (50 %)');

    await waitFor(() => expect(screen.getByTestId('export-sha256').textContent).toBe(SHA));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByTestId('export-row-count').textContent).toBe('1,234');
    expect(screen.getByTestId('export-checkpoint-size').textContent).toBe('104,512 events (signed checkpoint)');
    expect(calls.filter((c) => c.channel === 'auditExports.status').every((c) => (c.input as { exportId: string }).exportId === EXPORT_ID)).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: `Save ${manifest.fileName}, its manifest and its proofs` }));
    await waitFor(() => expect(saved).toEqual([manifest.fileName, `audit-export-${EXPORT_ID}.manifest.json`, `audit-export-${EXPORT_ID}.proofs.json`]));
    expect(calls.at(-1)).toEqual({ channel: 'auditExports.content', input: { exportId: EXPORT_ID } });
  });

  it('cancels a running export and says its partial file was removed', async () => {
    const { api, calls } = recordingDesktopApi({
      'auditExports.create': () => ok(job({})),
      'auditExports.status': () => ok(job({ rowsWritten: 10 })),
      'auditExports.cancel': () => ok(job({ status: 'cancelled', rowsWritten: 10, finishedAt: '2026-12-01T09:00:00.000Z' })),
    });
    renderWithProviders(<AuditExport filters={{}} pollMs={20} />, { api });
    fillReason(REASON);
    start();
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel export' }));
    await screen.findByText('The export was cancelled; its partial file was removed from the server.');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(calls.filter((c) => c.channel === 'auditExports.cancel')).toEqual([{ channel: 'auditExports.cancel', input: { exportId: EXPORT_ID } }]);
  });

  it('offers PDF with its limit, and says what to do when the search holds more than a PDF may', async () => {
    const { api, calls } = recordingDesktopApi({
      'auditExports.create': () => ({ ok: false, error: { code: 'validation_error', message: 'A PDF export holds at most 1,000 events; these filters match 1,204.' } }),
    });
    renderWithProviders(<AuditExport filters={FILTERS} />, { api });
    fireEvent.click(screen.getByLabelText('PDF (at most 1,000 events)'));
    fillReason(REASON);
    start();
    expect((await screen.findByRole('alert')).textContent)
      .toBe('A PDF holds at most 1,000 events and these filters match more: narrow them, or choose CSV or XLSX.');
    expect(calls[0]).toEqual({ channel: 'auditExports.create', input: { filters: FILTERS, format: 'pdf', reason: REASON } });
  });

  it("says plainly when the server cannot be reached, in the core's words", async () => {
    const sentence = 'Audit exports are made on the server: try again when this computer is connected.';
    const { api } = recordingDesktopApi({ 'auditExports.create': () => ({ ok: false, error: { code: 'network_error', message: sentence } }) });
    renderWithProviders(<AuditExport filters={{}} />, { api });
    fillReason(REASON);
    start();
    expect((await screen.findByRole('alert')).textContent).toBe(sentence);
    expect(screen.getByRole('button', { name: 'Start export' })).toHaveProperty('disabled', false);
  });
});
