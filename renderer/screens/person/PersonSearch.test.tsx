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

function show(search: PersonSearchParams, online: 'answers' | 'offline') {
  const recording = recordingDesktopApi({
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
    expect(within(stub).queryByRole('button')).toBeNull();
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
