// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import type { PersonSearchParams } from './person-search.ts';
import { PersonSearch } from './PersonSearch.tsx';

const HIT = {
  id: '5a0b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', givenName: 'Ottoline', familyName: 'Quennell', dateOfBirth: '1988-04-02',
  estimatedBirthYear: null, gender: 'female', aliases: [{ givenName: 'Lina', familyName: 'Quennell' }],
};
const STUB = {
  view: 'stub', person: {
    id: '6a0b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', displayName: 'O. Quenby', yearOfBirth: 1990,
    involvedAgencies: [{ id: '7a0b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', name: 'Riverton Homes Association' }], requestAccess: true,
  },
};

const REASON = 'Joint visit planned next week; need to check warnings first.';
const REQUEST = {
  id: '8a0b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', resourceType: 'person', resourceId: STUB.person.id, ownerAgencyId: STUB.person.involvedAgencies[0]!.id,
  ownerAgencyName: 'Riverton Homes Association', requesterName: 'Pat Officer', requesterAgencyName: 'Northshire Police',
  requesterUserId: '9a0b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', requesterAgencyId: '1a0b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', reason: REASON, status: 'pending',
  decidedBy: null, decidedAt: null, decisionNote: null, grant: null, createdAt: '2026-05-01T09:00:00.000Z', version: 1, abilities: { decide: false, revoke: false },
};

function show(search: PersonSearchParams, online: 'answers' | 'offline', requestAnswer: (input: unknown) => unknown = () => ({ ok: true, value: REQUEST })) {
  const recording = recordingDesktopApi({
    'accessRequests.create': requestAnswer,
    'persons.matchOnline': () => ({ ok: true, value: { likelyMatches: [] } }),
    'changes.submit': () => ({ ok: true, value: { mutationId: 7 } }),
    'persons.search': () => ({ ok: true, value: { hits: [HIT], truncated: false } }),
    'persons.searchOnline': () =>
      online === 'answers'
        ? { ok: true, value: { results: [STUB] } }
        : { ok: false, error: { code: 'network_error', message: 'Only this computer’s copy was searched.' } },
  });
  const onSearch = vi.fn();
  const onOpenPerson = vi.fn();
  renderWithProviders(<PersonSearch search={search} onSearch={onSearch} onOpenPerson={onOpenPerson} />, { api: recording.api });
  return { ...recording, onSearch, onOpenPerson };
}

afterEach(cleanup);

describe('finding a person', () => {
  it('lists this computer’s matches with their aliases, and the server’s stubs naming the agencies to ask', async () => {
    const { onOpenPerson, calls } = show({ q: 'Quen', dob: '1988-04-02' }, 'answers');
    const hit = await screen.findByTestId('person-hit');
    expect(hit.textContent).toContain('Born 2 Apr 1988');
    expect(hit.textContent).toContain('also known as Lina Quennell');
    await userEvent.click(within(hit).getByRole('button', { name: 'Ottoline Quennell' }));
    expect(onOpenPerson).toHaveBeenCalledWith(HIT.id);
    const stub = await screen.findByTestId('person-stub');
    expect(stub.textContent).toContain('O. Quenby');
    expect(stub.textContent).toContain('known to Riverton Homes Association');
    expect(within(stub).getByRole('button', { name: 'Request access to O. Quenby' })).toBeTruthy();
    expect(calls.find((c) => c.channel === 'persons.search')?.input).toEqual({ text: 'Quen', limit: 50, dateOfBirth: '1988-04-02' });
    expect(calls.find((c) => c.channel === 'persons.searchOnline')?.input).toEqual({ text: 'Quen', dateOfBirth: '1988-04-02' });
  });

  it('says that only this computer’s copy was searched when the server cannot be reached', async () => {
    show({ q: 'Quen' }, 'offline');
    expect((await screen.findByTestId('offline-search-notice')).textContent).toBe('Only this computer’s copy was searched: the server’s search needs a connection.');
    expect(await screen.findByTestId('person-hit')).toBeTruthy();
  });

  it('searches nothing until asked, refuses an empty name beside the field, and sends a typed name and date', async () => {
    const { calls, onSearch } = show({}, 'answers');
    expect(calls.filter((c) => c.channel.startsWith('persons.'))).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('This cannot be empty.')).toBeTruthy();
    expect(onSearch).not.toHaveBeenCalled();

    await userEvent.type(screen.getByLabelText('Name or alias'), ' Quennell ');
    const day = screen.getByRole('spinbutton', { name: /day/i });
    await userEvent.click(day);
    await userEvent.keyboard('02041988');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(onSearch).toHaveBeenCalledWith({ q: 'Quennell', dob: '1988-04-02' }));
  });
});

describe('recording a new person from the search', () => {
  it('carries the searched name and date of birth into the form, and opens the new person once recorded', async () => {
    const { calls, onOpenPerson } = show({ q: 'Ottoline Quenby', dob: '1990-06-15' }, 'answers');
    await userEvent.click(await screen.findByRole('button', { name: 'Record a new person' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record a new person' });
    expect(within(dialog).getByLabelText<HTMLInputElement>('Given name').value).toBe('Ottoline');
    expect(within(dialog).getByLabelText<HTMLInputElement>('Family name').value).toBe('Quenby');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Check and record' }));
    await waitFor(() => expect(onOpenPerson).toHaveBeenCalled());
    expect(calls.find((c) => c.channel === 'persons.matchOnline')?.input).toMatchObject({ givenName: 'Ottoline', familyName: 'Quenby', dateOfBirth: '1990-06-15' });
    const change = calls.find((c) => c.channel === 'changes.submit')?.input as { name: string; args: { personId: string } };
    expect(change.name).toBe('person.create');
    expect(onOpenPerson).toHaveBeenCalledWith(change.args.personId);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('asking for access from a stub', () => {
  async function openDialog() {
    const stub = await screen.findByTestId('person-stub');
    await userEvent.click(within(stub).getByRole('button', { name: /Request access/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Ask for access to O. Quenby' });
    return { stub, dialog };
  }

  it('sends the reason for the stub person, closes, and says the request was sent instead of offering it again', async () => {
    const { calls } = show({ q: 'Quen' }, 'answers');
    const { stub, dialog } = await openDialog();
    expect(dialog.textContent).toContain('Agencies involved: Riverton Homes Association.');
    await userEvent.type(within(dialog).getByLabelText('Why do you need to see this person’s records?'), REASON);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.filter((c) => c.channel === 'accessRequests.create').map((c) => c.input))
      .toEqual([{ resourceType: 'person', resourceId: STUB.person.id, reason: REASON }]);
    const status = within(stub).getByRole('status');
    expect(status.textContent).toBe('Request sent to the owner agency. You will be told when they decide.');
    expect(document.activeElement).toBe(status);
    expect(within(stub).queryByRole('button')).toBeNull();
  });

  it('refuses a too-short reason beside the field without calling the core, and Cancel closes with nothing sent', async () => {
    const { calls } = show({ q: 'Quen' }, 'answers');
    const { stub, dialog } = await openDialog();
    await userEvent.type(within(dialog).getByLabelText('Why do you need to see this person’s records?'), 'Need it');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send request' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/^Use at least \d+ characters\.$/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.filter((c) => c.channel === 'accessRequests.create')).toEqual([]);
    expect(within(stub).getByRole('button', { name: /Request access/ })).toBeTruthy();
  });

  it('shows a refusal from the server in words and keeps the dialog open', async () => {
    show({ q: 'Quen' }, 'answers', () => ({ ok: false, error: { code: 'conflict', message: 'You already have a pending request for this record.' } }));
    const { stub, dialog } = await openDialog();
    await userEvent.type(within(dialog).getByLabelText('Why do you need to see this person’s records?'), REASON);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send request' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'You have already asked for access to this record and are waiting for an answer, or you can already see it.',
    );
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(within(stub).queryByRole('status')).toBeNull();
  });
});
