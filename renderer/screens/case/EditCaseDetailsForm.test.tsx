// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDetailView } from '../../../domain/ipc/case-detail-view.ts';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { EditCaseDetailsForm } from './EditCaseDetailsForm.tsx';

const CASE_ID = '6f1c0a52-0000-4000-8000-0000000000c1';
const ABILITIES = { read: true, update: true, share: false, close: false, transfer: false, add_report: true, add_task: true, add_document: false, link: false };

const caseView = (overrides: Partial<CaseDetailView['case']> = {}): CaseDetailView['case'] => ({
  id: CASE_ID, reference: 'RVC-2026-00001', title: 'Noise at Marram Court', caseType: 'asb', status: 'open', closureReason: null, riskLevel: 'medium',
  reviewDate: '2026-10-01', ownerAgencyName: 'Riverton Council', sharingLevel: 'owner_agency', createdAt: '2026-01-01T09:00:00.000Z',
  updatedAt: '2026-01-01T09:00:00.000Z', version: 4, abilities: ABILITIES, ...overrides,
});

function open() {
  const recording = recordingDesktopApi({ 'changes.submit': () => ({ ok: true, value: { mutationId: 9 } }) });
  renderWithProviders(<EditCaseDetailsForm caseView={caseView()} />, { api: recording.api });
  return recording;
}

afterEach(cleanup);

describe('editing the title and review date', () => {
  it('refuses an empty title beside the field and sends nothing', async () => {
    const { calls } = open();
    await userEvent.click(screen.getByRole('button', { name: 'Edit title and review date' }));
    await userEvent.clear(screen.getByLabelText('Title'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const title = screen.getByLabelText('Title');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(title.getAttribute('aria-describedby')!)?.textContent).toBe('This cannot be empty.');
    expect(calls.filter((c) => c.channel === 'changes.submit')).toEqual([]);
  });

  it('sends a case.update with the new title, the review date and the version it was made from', async () => {
    const { calls } = open();
    await userEvent.click(screen.getByRole('button', { name: 'Edit title and review date' }));
    const title = screen.getByLabelText('Title');
    await userEvent.clear(title);
    await userEvent.type(title, '  Noise and threats at Marram Court ');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('status')).textContent).toBe('Saved on this computer. It is sent to the server at the next sync.');
    const sent = calls.filter((c) => c.channel === 'changes.submit');
    expect(sent.map((c) => c.input)).toEqual([
      { name: 'case.update', args: { caseId: CASE_ID, title: 'Noise and threats at Marram Court', reviewDate: '2026-10-01' }, baseVersion: 4 },
    ]);
  });
});
