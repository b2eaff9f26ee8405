// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SarPart } from '../../../domain/entities/sar.ts';
import type { SarBundleFiles, SarDetail } from '../../../domain/http/sar-routes.ts';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { OwnPartRedaction } from './OwnPartRedaction.tsx';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const SAR_ID = id(1);
const sar = (complete: boolean): SarDetail => ({
  id: SAR_ID, reference: 'SAR-CT-1', person: { id: id(2), name: 'Rosalind Gallowglass' }, receivedOn: '2026-11-02', dueOn: '2026-12-02', calendarDueOn: '2026-12-02',
  extended: false, timeliness: 'on_time', status: 'open', consultations: { pending: complete ? 0 : 1, answered: 0 }, version: 1,
  requester: { name: 'Rosalind Gallowglass', relation: 'data_subject', contact: 'By post' }, firstDueOn: '2026-12-02', extension: null,
  consultationStates: [], complete,
});
const part: SarPart = {
  agency: { id: id(3), name: 'Synthetic Council' },
  items: [
    { type: 'report', id: id(4), at: '2026-11-01T09:00:00.000Z', fields: [{ label: 'Text', value: 'Visit with Perpetua; address 4 Quernstone Row' }] },
    { type: 'dash_assessment', id: id(5), at: '2026-11-01T09:00:00.000Z', fields: [{ label: 'Score', value: '15' }] },
    { type: 'case', id: id(7), at: '2026-11-01T09:00:00.000Z', fields: [
      { label: 'Type', value: 'asb', text: 'Anti-social behaviour' }, { label: 'Status', value: 'open', text: 'Open' },
      { label: 'Role of the person', value: 'victim', text: 'Victim' }, { label: 'Reference', value: 'CT-2026-00007' },
    ] },
  ],
  thirdParties: [{ personId: id(6), name: 'Perpetua Gallowglass', redacted: true }],
};
const files: SarBundleFiles = { fileBaseName: 'sar-SAR-CT-1', json: '{}', jsonSha256: 'a'.repeat(64), pdfBase64: 'JVBERi0=', pdfSha256: 'b'.repeat(64), pages: 2 };
const ok = (value: unknown) => ({ ok: true, value });

beforeEach(() => {
  URL.createObjectURL = () => 'blob:test';
  URL.revokeObjectURL = () => undefined;
});
afterEach(cleanup);

const change = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('redacting the own part before the bundle', () => {
  it('sends the disclosure, the records left out and the passages chosen, each with its reason', async () => {
    const { api, calls } = recordingDesktopApi({ 'sars.get': () => ok(sar(true)), 'sars.ownPart': () => ok(part), 'sars.bundle': () => ok(files) });
    renderWithProviders(<OwnPartRedaction sarId={SAR_ID} onBack={() => undefined} />, { api });
    await screen.findByRole('heading', { level: 1, name: 'Redact your part of SAR-CT-1' });
    expect(screen.getByRole('article', { name: /DASH risk checklist/ })).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Disclose Perpetua Gallowglass'));
    change('Why Perpetua Gallowglass may be named (at least 10 characters)', 'Consent given in writing');
    fireEvent.click(screen.getAllByLabelText('Leave this record out')[1]!);
    change('Why the records you chose are left out (at least 10 characters)', 'Health data, serious harm');
    fireEvent.click(screen.getByRole('button', { name: 'Add a passage to redact' }));
    change('Passage 1, exactly as written', '4 Quernstone Row');
    change('Why passage 1 is redacted (at least 10 characters)', 'Identifies the neighbour');
    fireEvent.click(screen.getByRole('button', { name: 'Generate and save the bundle with these redactions' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved sar-SAR-CT-1.json and sar-SAR-CT-1.pdf (2 pages).'));
    expect(calls.find((c) => c.channel === 'sars.bundle')?.input).toEqual({
      sarId: SAR_ID,
      redactions: {
        discloseThirdParties: [{ personId: id(6), reason: 'Consent given in writing' }],
        omitRecords: [{ type: 'dash_assessment', id: id(5), reason: 'Health data, serious harm' }],
        redactTexts: [{ text: '4 Quernstone Row', reason: 'Identifies the neighbour' }],
      },
    });
  });

  it("shows each record's codes in words, and other values as recorded", async () => {
    const { api } = recordingDesktopApi({ 'sars.get': () => ok(sar(true)), 'sars.ownPart': () => ok(part) });
    renderWithProviders(<OwnPartRedaction sarId={SAR_ID} onBack={() => undefined} />, { api });
    const kase = await screen.findByRole('article', { name: /^Case, recorded/ });
    const shown = [...kase.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]);
    expect(shown).toEqual([['Type', 'Anti-social behaviour'], ['Status', 'Open'], ['Role of the person', 'Victim'], ['Reference', 'CT-2026-00007']]);
  });

  it('takes a passage off again, and cannot generate while a consultation is unanswered', async () => {
    const { api, calls } = recordingDesktopApi({ 'sars.get': () => ok(sar(false)), 'sars.ownPart': () => ok(part) });
    renderWithProviders(<OwnPartRedaction sarId={SAR_ID} onBack={() => undefined} />, { api });
    await screen.findByRole('heading', { level: 1, name: 'Redact your part of SAR-CT-1' });
    fireEvent.click(screen.getByRole('button', { name: 'Add a passage to redact' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove passage 1' }));
    expect(screen.queryByLabelText('Passage 1, exactly as written')).toBeNull();
    const generate = screen.getByRole('button', { name: 'Generate and save the bundle with these redactions' });
    expect((generate as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('The bundle can be made once every consulted agency has answered.')).toBeTruthy();
    expect(calls.map((c) => c.channel).sort()).toEqual(['sars.get', 'sars.ownPart']);
  });
});
