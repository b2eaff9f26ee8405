// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { RecordPersonDialog } from './RecordPersonDialog.tsx';

const EXISTING = '6f1c0a52-0000-4000-8000-0000000000e1';
const STUB = '6f1c0a52-0000-4000-8000-0000000000e2';
const AGENCY = '6f1c0a52-0000-4000-8000-0000000000a1';

function open(online: 'matches' | 'none' | 'offline') {
  const recording = recordingDesktopApi({
    'persons.matchOnline': () => (online === 'offline'
      ? { ok: false, error: { code: 'network_error', message: 'No connection.' } }
      : { ok: true, value: { likelyMatches: online === 'none' ? [] : [
        { view: 'full', score: 0.9, reasons: ['same_family_name_sound'], person: {
          id: EXISTING, givenName: 'Rosalind', familyName: 'Featherby', dateOfBirth: '1985-03-02', estimatedBirthYear: null, gender: 'female',
          ownerAgencyId: AGENCY, consentStatus: 'not_sought', aliases: [], identifiers: [], version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
          abilities: { update: true, transfer: false, addAlias: true, addIdentifier: true, requestAccess: false },
        } },
        { view: 'stub', score: 0.7, reasons: ['same_year_of_birth'], person: {
          id: STUB, displayName: 'R. Featherby', yearOfBirth: 1985, involvedAgencies: [{ id: AGENCY, name: 'Riverton Homes Association' }], requestAccess: true,
        } },
      ] } }),
    'persons.search': () => ({ ok: true, value: { hits: [], truncated: false } }),
    'changes.submit': () => ({ ok: true, value: { mutationId: 4 } }),
  });
  const onChosen = vi.fn();
  renderWithProviders(<RecordPersonDialog onChosen={onChosen} onClose={() => undefined} />, { api: recording.api });
  return { ...recording, onChosen };
}

async function fill() {
  const dialog = screen.getByRole('dialog', { name: 'Record a new person' });
  await userEvent.type(within(dialog).getByLabelText('Given name'), 'Rosalind');
  await userEvent.type(within(dialog).getByLabelText('Family name'), 'Featherby');
  await userEvent.type(within(dialog).getByLabelText('Estimated year of birth (if the date is not known)'), '1985');
  await userEvent.click(within(dialog).getByRole('button', { name: 'Check and record' }));
}

const submitted = (calls: Array<{ channel: string; input: unknown }>) => calls.filter((c) => c.channel === 'changes.submit');

afterEach(cleanup);

describe('recording a new person', () => {
  it('refuses an empty name beside the field and checks nothing', async () => {
    const { calls } = open('none');
    await userEvent.click(screen.getByRole('button', { name: 'Check and record' }));
    expect(screen.getByLabelText('Family name').getAttribute('aria-invalid')).toBe('true');
    expect(calls).toEqual([]);
  });

  it('shows likely matches; a stub shows only name, year and agencies and cannot be used; "Use this person" picks the existing one', async () => {
    const { calls, onChosen } = open('matches');
    await fill();
    const warning = await screen.findByRole('dialog', { name: 'Is this someone already recorded?' });
    const items = within(warning).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[1]!.textContent).toContain('Riverton Homes Association');
    expect(within(items[1]!).queryByRole('button')).toBeNull();
    expect(calls.find((c) => c.channel === 'persons.matchOnline')?.input).toEqual({ givenName: 'Rosalind', familyName: 'Featherby', estimatedBirthYear: 1985, gender: 'unknown', aliases: [] });
    await userEvent.click(within(items[0]!).getByRole('button', { name: 'Use this person: Rosalind Featherby' }));
    expect(onChosen).toHaveBeenCalledWith(EXISTING, false);
    expect(submitted(calls)).toEqual([]);
  });

  it('"This is a different person" records the new person with a client id', async () => {
    const { calls, onChosen } = open('matches');
    await fill();
    await userEvent.click(await screen.findByRole('button', { name: 'This is a different person' }));
    const [change] = submitted(calls);
    expect(change?.input).toMatchObject({ name: 'person.create', args: { person: { givenName: 'Rosalind', familyName: 'Featherby', estimatedBirthYear: 1985 } } });
    const personId = (change!.input as { args: { personId: string } }).args.personId;
    expect(onChosen).toHaveBeenCalledWith(personId, true);
  });

  it("offline, says only this computer's copy was checked before recording", async () => {
    const { calls } = open('offline');
    await fill();
    expect((await screen.findByTestId('local-duplicate-notice')).textContent).toContain('Only this computer’s copy was checked');
    expect(calls.some((c) => c.channel === 'persons.search')).toBe(true);
    expect(submitted(calls)).toEqual([]);
  });

  it('with no likely match online, records at once', async () => {
    const { calls, onChosen } = open('none');
    await fill();
    await vi.waitFor(() => expect(onChosen).toHaveBeenCalled());
    expect(submitted(calls)).toHaveLength(1);
  });
});
