// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccessRequestView } from '../../../domain/ipc/access-request-channels.ts';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { AccessRequests } from './AccessRequests.tsx';
import { grantExpiresAt } from './grant-expiry.ts';

const ME = '1a0b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const POLICE = '2a0b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const COUNCIL = '3a0b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const NOW = new Date(2026, 11, 5, 10, 0);

let n = 0;
const request = (overrides: Partial<AccessRequestView> = {}): AccessRequestView => {
  n += 1;
  const id = `4a0b2c3d-4e5f-4a6b-8c7d-${String(n).padStart(12, '0')}`;
  return {
    id, resourceType: 'case', resourceId: `5a0b2c3d-4e5f-4a6b-8c7d-${String(n).padStart(12, '0')}`, ownerAgencyId: POLICE, ownerAgencyName: 'Northshire Police',
    requesterUserId: '6a0b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', requesterName: 'Priya Osei', requesterAgencyId: COUNCIL, requesterAgencyName: 'Riverton Council',
    reason: 'Joint visit planned next week; need to check the case history first.', status: 'pending', decidedBy: null, decidedAt: null, decisionNote: null,
    grant: null, createdAt: '2026-12-04T09:30:00.000Z', version: 1, abilities: { decide: true, revoke: false }, resourceLabel: 'NSP-2026-000123 — Burglary series',
    ...overrides,
  };
};

const pending = request();
const granted = request({
  status: 'approved', requesterName: 'Tom Reyes', version: 2, abilities: { decide: false, revoke: true },
  grant: { id: '7a0b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', expiresAt: '2027-01-04T00:00:00.000Z', revokedAt: null },
});
const mineDenied = request({ requesterUserId: ME, requesterName: 'Me Myself', status: 'denied', decisionNote: 'Ask CID directly.', abilities: { decide: false, revoke: false }, resourceLabel: null });
const minePending = request({ requesterUserId: ME, requesterName: 'Me Myself', abilities: { decide: false, revoke: false }, resourceLabel: null });
const mineExpired = request({
  requesterUserId: ME, requesterName: 'Me Myself', status: 'expired', abilities: { decide: false, revoke: false }, resourceLabel: null, resourceType: 'person',
  grant: { id: '8a0b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', expiresAt: '2026-12-01T00:00:00.000Z', revokedAt: null },
});

function show(decides: boolean, answers: { approve?: unknown; deny?: unknown; revoke?: unknown } = {}) {
  const list = { ok: true, value: { requests: [pending, granted, mineDenied, minePending, mineExpired] } };
  const recording = recordingDesktopApi({
    'accessRequests.list': () => list,
    'accessRequests.approve': () => answers.approve ?? { ok: true, value: { ...pending, status: 'approved' } },
    'accessRequests.deny': () => answers.deny ?? { ok: true, value: { ...pending, status: 'denied' } },
    'accessRequests.revokeGrant': () => answers.revoke ?? { ok: true, value: { ...granted, status: 'revoked' } },
  });
  renderWithProviders(<AccessRequests userId={ME} decides={decides} onBack={() => undefined} onOpenCase={() => undefined} now={() => NOW} />, { api: recording.api });
  const callsTo = (channel: string) => recording.calls.filter((c) => c.channel === channel);
  return { ...recording, callsTo };
}

afterEach(cleanup);

describe('the owner agency’s inbox', () => {
  it('lists the pending requests it may decide with requester, agency, record, reason and date; never the decider’s own', async () => {
    show(true);
    const list = await screen.findByRole('list', { name: 'Waiting for a decision' });
    const items = within(list).getAllByTestId('access-request');
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toContain('NSP-2026-000123 — Burglary series');
    expect(items[0]!.textContent).toContain('Priya Osei, Riverton Council');
    expect(items[0]!.textContent).toContain('Joint visit planned next week');
    expect(items[0]!.textContent).toContain('4 Dec 2026');
    expect(screen.getByRole('button', { name: 'To decide (1)' }).getAttribute('aria-pressed')).toBe('true');
    // The decider's own pending request is under "My requests", with no decision offered.
    await userEvent.click(screen.getByRole('button', { name: 'My requests' }));
    const mine = screen.getByRole('list', { name: 'Your requests' });
    expect(within(mine).getAllByTestId('access-request')).toHaveLength(3);
    expect(within(mine).queryByRole('button')).toBeNull();
  });

  it('approves with the expiry offered (30 days), on the version the list showed', async () => {
    const { callsTo } = show(true);
    await userEvent.click(await screen.findByRole('button', { name: 'Approve the request from Priya Osei' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve access for Priya Osei' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(callsTo('accessRequests.approve').map((c) => c.input)).toEqual([{ id: pending.id, expiresAt: grantExpiresAt('2027-01-04'), expectedVersion: 1 }]));
    expect((await screen.findByRole('status')).textContent).toContain('Approved: Priya Osei can see the record');
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(callsTo('accessRequests.list')).toHaveLength(2));
  });

  it('refuses beside the field a day more than 90 days ahead or in the past, sending nothing', async () => {
    const { callsTo } = show(true);
    await userEvent.click(await screen.findByRole('button', { name: 'Approve the request from Priya Osei' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve access for Priya Osei' });
    await userEvent.click(within(dialog).getByRole('spinbutton', { name: /month/i }));
    await userEvent.keyboard('06');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));
    expect(within(dialog).getByText(/^Access can be given for at most 90 days/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('spinbutton', { name: /year/i }));
    await userEvent.keyboard('2025');
    expect(within(dialog).getByText('The access must end on a day after today.')).toBeTruthy();
    expect(callsTo('accessRequests.approve')).toEqual([]);
  });

  it('says clearly when the request was decided meanwhile, and reloads the list', async () => {
    const { callsTo } = show(true, { approve: { ok: false, error: { code: 'conflict', message: 'This request has already been decided.' } } });
    await userEvent.click(await screen.findByRole('button', { name: 'Approve the request from Priya Osei' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve access for Priya Osei' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'Someone decided or changed this request after the list was loaded, so your decision was not recorded. The list now shows where it stands.',
    );
    await waitFor(() => expect(callsTo('accessRequests.list')).toHaveLength(2));
  });

  it('denies only with a reason', async () => {
    const { callsTo } = show(true);
    await userEvent.click(await screen.findByRole('button', { name: 'Deny the request from Priya Osei' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deny access for Priya Osei' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deny' }));
    expect(await within(dialog).findByText('This cannot be empty.')).toBeTruthy();
    expect(callsTo('accessRequests.deny')).toEqual([]);
    await userEvent.type(within(dialog).getByLabelText('Reason for refusing'), 'Ask CID directly.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deny' }));
    await waitFor(() => expect(callsTo('accessRequests.deny').map((c) => c.input)).toEqual([{ id: pending.id, note: 'Ask CID directly.', expectedVersion: 1 }]));
  });

  it('withdraws an approved grant early from the approved view', async () => {
    const { callsTo } = show(true);
    await userEvent.click(await screen.findByRole('button', { name: 'Approved (1)' }));
    const list = screen.getByRole('list', { name: 'Access in force' });
    expect(list.textContent).toContain('Tom Reyes, Riverton Council');
    expect(list.textContent).toContain('Approved — access until 4 Jan 2027');
    await userEvent.click(within(list).getByRole('button', { name: 'Withdraw access for Tom Reyes' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Withdraw access for Tom Reyes?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Withdraw access' }));
    await waitFor(() => expect(callsTo('accessRequests.revokeGrant').map((c) => c.input)).toEqual([{ grantId: granted.grant!.id }]));
  });
});

describe('my access requests', () => {
  it('shows where each of my requests stands, naming the owner agency, not the record I cannot see', async () => {
    show(false);
    expect(await screen.findByRole('heading', { level: 1, name: 'My access requests' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /To decide/ })).toBeNull();
    const outcomes = (await screen.findAllByTestId('access-request-outcome')).map((o) => o.textContent);
    expect(outcomes).toEqual(['Denied — Ask CID directly.', 'Waiting for Northshire Police to decide', expect.stringMatching(/^Expired — access ended 1 Dec 2026/)]);
    expect(screen.getAllByTestId('access-request')[0]!.textContent).toContain('A case record held by Northshire Police');
    expect(screen.getAllByTestId('access-request')[2]!.textContent).toContain('A person record held by Northshire Police');
  });
});

describe('asking for access to a case by its reference', () => {
  const CASE_ID = '9a0b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
  const REASON = 'Joint visit planned next week; need to check the case history first.';

  function showLookUp(result: unknown) {
    const onOpenCase = vi.fn();
    const recording = recordingDesktopApi({
      'accessRequests.list': () => ({ ok: true, value: { requests: [] } }),
      'accessRequests.findCase': () => ({ ok: true, value: { result } }),
      'accessRequests.create': () => ({ ok: true, value: { ...minePending, resourceId: CASE_ID, reason: REASON } }),
    });
    renderWithProviders(<AccessRequests userId={ME} decides={false} onBack={() => undefined} onOpenCase={onOpenCase} now={() => NOW} />, { api: recording.api });
    return { ...recording, onOpenCase };
  }

  async function lookUp(reference: string) {
    await userEvent.type(await screen.findByLabelText('Case reference'), reference);
    await userEvent.click(screen.getByRole('button', { name: 'Find case' }));
    return screen.findByTestId('case-signpost');
  }

  it('shows a signpost naming the owner agency, and asks for access with a reason through the same dialog', async () => {
    const { calls } = showLookUp({ view: 'signpost', id: CASE_ID, reference: 'RHA-2026-00042', ownerAgency: { id: POLICE, name: 'Riverton Homes Association' }, requestAccess: true });
    const signpost = await lookUp('RHA-2026-00042');
    expect(signpost.textContent).toContain('Case RHA-2026-00042 is held by Riverton Homes Association. You cannot see it.');
    expect(calls.find((c) => c.channel === 'accessRequests.findCase')?.input).toEqual({ reference: 'RHA-2026-00042' });
    await userEvent.click(within(signpost).getByRole('button', { name: 'Request access to case RHA-2026-00042' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ask for access to case RHA-2026-00042' });
    expect(dialog.textContent).toContain('Owned by: Riverton Homes Association.');
    await userEvent.type(within(dialog).getByLabelText('Why do you need to see this case?'), REASON);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(calls.filter((c) => c.channel === 'accessRequests.create').map((c) => c.input)).toEqual([{ resourceType: 'case', resourceId: CASE_ID, reason: REASON }]));
    expect((await within(signpost).findByText(/^Request sent to Riverton Homes Association/)).textContent).toContain('listed under your requests');
  });

  it('opens a case the user already sees, and says when nothing may be asked for', async () => {
    const { onOpenCase } = showLookUp({ view: 'visible', id: CASE_ID, reference: 'NSP-2026-00001' });
    const signpost = await lookUp('NSP-2026-00001');
    await userEvent.click(within(signpost).getByRole('button', { name: 'Open case NSP-2026-00001' }));
    expect(onOpenCase).toHaveBeenCalledWith(CASE_ID);
    cleanup();
    showLookUp(null);
    expect((await lookUp('NSP-2026-99999')).textContent).toContain('No case with that reference that you may ask for.');
  });
});
