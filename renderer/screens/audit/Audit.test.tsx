// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEvent } from '../../../domain/audit/audit-search.ts';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import type { AuditSearchParams } from './audit-search.ts';
import { Audit } from './Audit.tsx';

const CASE = '3a0b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

const event = (seq: number, overrides: Partial<AuditEvent> = {}): AuditEvent => ({
  seq, id: `0b6a3c1e-0000-4000-8000-${String(seq).padStart(12, '0')}`, at: '2026-12-03T09:30:00.000Z',
  userId: '1a0b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', userName: 'Priya Kaur', agencyId: '2a0b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  agencyName: 'Northshire Police', teamId: null, deviceId: '4a0b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', ip: '10.20.30.40',
  action: 'record.view', category: 'consultation', entityType: 'case', entityId: CASE, caseId: CASE, personId: null,
  outcome: 'success', justification: null, details: {}, hash: 'ab'.repeat(32), ...overrides,
});

function show(search: AuditSearchParams, answer: (input: unknown) => unknown, breakGlass: (input: unknown) => unknown = () => ({ ok: true, value: OPENED })) {
  const recording = recordingDesktopApi({ 'audit.search': answer, 'audit.breakGlassCase': breakGlass });
  const onSearch = vi.fn();
  renderWithProviders(<Audit search={search} scope="agency" onSearch={onSearch} onBack={vi.fn()} />, { api: recording.api });
  return { ...recording, onSearch };
}

const OPENED = {
  id: CASE, reference: 'RCC-2026-000118', title: 'Synthetic noise complaint', caseType: 'asb', status: 'open', closureReason: null, riskLevel: 'high',
  reviewDate: null, ownerAgencyId: '2a0b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', ownerTeamId: null, ownerUserId: null, sharingLevel: 'owner_agency',
  sharedAgencyIds: [], sharedTeamIds: [], sharedUserIds: [], hiddenFromSearch: false, createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z', version: 1,
  abilities: { read: true, update: false, share: false, close: false, transfer: false, add_report: false, add_task: false, add_document: false, link: false },
  subjects: [], links: [], locations: [], markers: [],
};

afterEach(cleanup);

describe('the Audit screen', () => {
  it('reads the newest page for the URL filters, then older pages by cursor, one table', async () => {
    const { calls } = show({ action: 'record.update', case: CASE, from: '2026-12-01', to: '2026-12-03' }, (input) => {
      const cursor = (input as { cursor?: number }).cursor;
      return cursor === undefined
        ? { ok: true, value: { events: [event(9), event(8)], nextCursor: 8 } }
        : { ok: true, value: { events: [event(3)], nextCursor: null } };
    });
    expect(await screen.findByText('2 events shown')).toBeTruthy();
    const first = calls[0]!.input as Record<string, unknown>;
    expect(first).toMatchObject({ action: 'record.update', caseId: CASE, limit: 50 });
    // Whole days in the user's zone: `to` reaches the end of its day.
    expect(new Date(first.from as string).getTime()).toBe(new Date(2026, 11, 1).getTime());
    expect(new Date(first.to as string).getTime()).toBe(new Date(2026, 11, 4).getTime());

    await userEvent.click(screen.getByRole('button', { name: 'Older events' }));
    expect(await screen.findByText('3 events shown')).toBeTruthy();
    expect(calls[1]!.input).toMatchObject({ cursor: 8, caseId: CASE });
    expect(screen.queryByRole('button', { name: 'Older events' })).toBeNull();
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(4);
  });

  it("opens an event's detail with old → new per field, the device, the address, the justification and the outcome", async () => {
    show({}, () => ({
      ok: true, value: {
        events: [event(5, {
          action: 'record.update', category: 'alteration', outcome: 'denied', justification: 'Safeguarding review',
          details: { changes: { title: ['Old title', 'New title'], riskLevel: ['low', 'high'] } },
        })],
        nextCursor: null,
      },
    }));
    await userEvent.click(await screen.findByRole('button', { name: /3 Dec 2026.*details/ }));
    const detail = await screen.findByTestId('audit-event-detail');
    const changes = within(detail).getByRole('table');
    expect(within(changes).getByRole('row', { name: /title Old title New title/ })).toBeTruthy();
    expect(within(changes).getByRole('row', { name: /riskLevel low high/ })).toBeTruthy();
    expect(detail.textContent).toContain('10.20.30.40');
    expect(detail.textContent).toContain('4a0b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
    expect(detail.textContent).toContain('Safeguarding review');
    expect(detail.textContent).toContain('Refused');
    expect(detail.textContent).toContain('Priya Kaur');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Changed a record'));
  });

  it('shows a search whose terms and justification were erased with what they named as "(erased)", and kept terms as recorded', async () => {
    const commitment = `sha256:${'c'.repeat(64)}`;
    show({}, () => ({
      ok: true, value: {
        events: [
          event(7, { action: 'record.search', category: 'consultation', justification: commitment, details: { terms: commitment, returned: [] } }),
          event(6, { action: 'record.search', category: 'consultation', details: { terms: { q: 'Onbothcases' }, returned: [] } }),
        ],
        nextCursor: null,
      },
    }));
    const rows = await screen.findAllByRole('button', { name: /3 Dec 2026.*details/ });
    await userEvent.click(rows[0]!);
    const erased = await screen.findByTestId('audit-event-detail');
    expect(within(erased).getByText('Justification').nextElementSibling?.textContent).toBe('(erased)');
    expect(erased.textContent).toContain('"terms": "(erased)"');
    expect(erased.textContent).not.toContain('sha256:');
    await userEvent.click(within(erased).getByRole('button', { name: 'Close details' }));
    await userEvent.click((await screen.findAllByRole('button', { name: /3 Dec 2026.*details/ }))[1]!);
    const kept = await screen.findByTestId('audit-event-detail');
    expect(kept.textContent).toContain('"q": "Onbothcases"');
    expect(within(kept).getByText('Justification').nextElementSibling?.textContent).toBe('—');
  });

  it('sends the chosen filters to the URL, and refuses an id that is not one beside its field', async () => {
    const { onSearch } = show({}, () => ({ ok: true, value: { events: [], nextCursor: null } }));
    expect(await screen.findByText('No events match these filters.')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Case ID'), 'not-an-id');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('Paste a full id (as an event’s details show it), or leave this empty.')).toBeTruthy();
    expect(onSearch).not.toHaveBeenCalled();

    await userEvent.clear(screen.getByLabelText('Case ID'));
    await userEvent.type(screen.getByLabelText('Case ID'), CASE);
    await userEvent.selectOptions(screen.getByLabelText('Action'), 'record.list');
    await userEvent.selectOptions(screen.getByLabelText('Category (DPA 2018 s62)'), 'consultation');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(onSearch).toHaveBeenCalledWith({ case: CASE, action: 'record.list', category: 'consultation' }));
  });

  it('opens the case of an event through break-glass only after a justification, read-only', async () => {
    const { calls } = show({}, () => ({ ok: true, value: { events: [event(7)], nextCursor: null } }));
    await userEvent.click(await screen.findByRole('button', { name: /details/ }));
    await userEvent.click(await screen.findByRole('button', { name: 'Open this case (break-glass)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Open this case (break-glass)' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Open read-only' }));
    expect(await within(dialog).findByText('Use at least 20 characters.')).toBeTruthy();
    expect(calls.filter((c) => c.channel === 'audit.breakGlassCase')).toEqual([]);

    await userEvent.type(within(dialog).getByLabelText('Why do you need to open this case?'), 'Complaint ref 2026/118: checking the risk level.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Open read-only' }));
    const opened = await screen.findByTestId('break-glass-case');
    expect(opened.textContent).toContain('Synthetic noise complaint');
    expect(calls.find((c) => c.channel === 'audit.breakGlassCase')?.input).toEqual({ caseId: CASE, justification: 'Complaint ref 2026/118: checking the risk level.' });
  });

  it('says the trail needs a connection when offline, with a way to try again', async () => {
    show({}, () => ({ ok: false, error: { code: 'network_error', message: 'The audit trail is read from the server: search again when this computer is connected.' } }));
    expect(await screen.findByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/connect/i);
  });
});
