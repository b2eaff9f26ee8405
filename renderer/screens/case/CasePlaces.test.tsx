// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { CasePlaces } from './CasePlaces.tsx';

const CASE = '6f1c0a52-0000-4000-8000-0000000000c1';
const PLACE = '6f1c0a52-0000-4000-8000-0000000000f1';
const MARKER = {
  id: '6f1c0a52-0000-4000-8000-0000000000a1', markerType: 'staff_safety', description: 'Dog at the door', subjectType: 'location',
  subjectId: PLACE, subjectName: '12 Marram Court', ownerAgencyName: 'Police', reviewDate: '2027-01-01', expiresAt: null, editable: true,
} as const;

function show(mayAdd: boolean) {
  const recording = recordingDesktopApi({
    'changes.submit': () => ({ ok: true, value: { mutationId: 3 } }),
    // No place with the new address on this computer.
    'locations.search': () => ({ ok: true, value: { hits: [{ id: PLACE, address: '12 Marram Court, Riverton, RV2 9MC' }] } }),
  });
  renderWithProviders(
    <CasePlaces caseId={CASE} mayAdd={mayAdd} markers={[MARKER]} places={[{ id: PLACE, address: '12 Marram Court, Riverton, RV2 9MC', description: 'Home address' }]} />,
    { api: recording.api },
  );
  return recording;
}
const submitted = (calls: Array<{ channel: string; input: unknown }>) => calls.filter((c) => c.channel === 'changes.submit').map((c) => c.input);

afterEach(cleanup);

describe('the places on a case', () => {
  it('lists each place with why it matters and the flag of its warnings; no "Add a place" without the ability', () => {
    show(false);
    const item = within(screen.getByTestId('case-places')).getByRole('listitem');
    expect(item.textContent).toContain('12 Marram Court, Riverton, RV2 9MC');
    expect(item.textContent).toContain('Home address');
    expect(within(item).getByTestId('marker-indicator').textContent).toContain('Staff safety warning');
    expect(screen.queryByRole('button', { name: 'Add a place' })).toBeNull();
  });

  it('refuses a bad postcode and an empty reason beside their fields and queues nothing', async () => {
    const { calls } = show(true);
    await userEvent.click(screen.getByRole('button', { name: 'Add a place' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a place to the case' });
    await userEvent.type(within(dialog).getByLabelText('Address'), '3 Dune Row');
    await userEvent.type(within(dialog).getByLabelText('Town'), 'Riverton');
    await userEvent.type(within(dialog).getByLabelText('Postcode'), 'XYZ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add the place' }));
    expect(within(dialog).getByLabelText('Postcode').getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByLabelText('Why this place matters to the case').getAttribute('aria-invalid')).toBe('true');
    expect(submitted(calls)).toEqual([]);
  });

  it('queues the new place, then puts it on the case with the same location id, and closes', async () => {
    const { calls } = show(true);
    await userEvent.click(screen.getByRole('button', { name: 'Add a place' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a place to the case' });
    await userEvent.type(within(dialog).getByLabelText('Address'), '3 Dune Row');
    await userEvent.type(within(dialog).getByLabelText('Town'), 'Riverton');
    await userEvent.type(within(dialog).getByLabelText('Postcode'), 'rv3 1dr');
    await userEvent.type(within(dialog).getByLabelText('Why this place matters to the case'), 'Where the suspect stays');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add the place' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [created, added] = submitted(calls) as Array<{ name: string; args: Record<string, string> }>;
    expect(created).toMatchObject({ name: 'location.create', args: { addressLine: '3 Dune Row', town: 'Riverton', postcode: 'RV3 1DR' } });
    expect(added).toMatchObject({ name: 'case.addLocation', args: { caseId: CASE, locationId: created!.args.locationId, description: 'Where the suspect stays' } });
  });
});

describe('finding a place already on this computer', () => {
  const FOUND = '6f1c0a52-0000-4000-8000-0000000000f2';
  function showWithPlaces(hits: Array<{ id: string; address: string }>) {
    const recording = recordingDesktopApi({
      'locations.search': () => ({ ok: true, value: { hits } }),
      'changes.submit': () => ({ ok: true, value: { mutationId: 4 } }),
    });
    renderWithProviders(<CasePlaces caseId={CASE} mayAdd markers={[]} places={[]} />, { api: recording.api });
    return recording;
  }

  it('searches, then puts the chosen place on the case with why it matters, queueing no new address', async () => {
    const { calls } = showWithPlaces([{ id: FOUND, address: '3 Dune Row, Riverton, RV3 1DR' }]);
    await userEvent.click(screen.getByRole('button', { name: 'Add a place' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a place to the case' });
    await userEvent.type(within(dialog).getByLabelText('Find a place already on this computer'), 'rv31dr');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Find' }));
    expect(calls.filter((c) => c.channel === 'locations.search').map((c) => c.input)).toEqual([{ text: 'rv31dr', limit: 20 }]);
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Use this place: 3 Dune Row, Riverton, RV3 1DR' }));
    // An empty reason is refused beside its field, and nothing is queued.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add this place to the case' }));
    expect(within(dialog).queryByLabelText('Postcode')).toBeNull(); // the new-place form steps aside
    expect(within(dialog).getByLabelText('Why this place matters to the case').getAttribute('aria-invalid')).toBe('true');
    expect(submitted(calls)).toEqual([]);
    await userEvent.type(within(dialog).getByLabelText('Why this place matters to the case'), 'Where the suspect stays');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add this place to the case' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(submitted(calls)).toMatchObject([{ name: 'case.addLocation', args: { caseId: CASE, locationId: FOUND, description: 'Where the suspect stays' } }]);
  });

  it('says so when nothing matches, leaving the new-place form to record it', async () => {
    showWithPlaces([]);
    await userEvent.click(screen.getByRole('button', { name: 'Add a place' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a place to the case' });
    await userEvent.type(within(dialog).getByLabelText('Find a place already on this computer'), 'Nowhere Lane');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Find' }));
    expect((await within(dialog).findByRole('status')).textContent).toContain('No place on this computer matches');
    expect(within(dialog).getByLabelText('Postcode')).toBeTruthy();
  });
});

describe('a new place at an address already on this computer', () => {
  const SAME = '6f1c0a52-0000-4000-8000-0000000000f3';
  const NEAR = '6f1c0a52-0000-4000-8000-0000000000f4';
  function typeNewPlace(places: Array<{ id: string; address: string; description: string }> = []) {
    const recording = recordingDesktopApi({
      // The postcode search finds both; only the first is the same address.
      'locations.search': () => ({ ok: true, value: { hits: [
        { id: SAME, address: '12 Marram Court, Riverton, RV2 9MC' },
        { id: NEAR, address: '12 Marram Court Annexe, Riverton, RV2 9MC' },
      ] } }),
      'changes.submit': () => ({ ok: true, value: { mutationId: 5 } }),
    });
    renderWithProviders(<CasePlaces caseId={CASE} mayAdd markers={[]} places={places} />, { api: recording.api });
    return {
      ...recording,
      fill: async (address: string) => {
        await userEvent.click(screen.getByRole('button', { name: 'Add a place' }));
        const dialog = await screen.findByRole('dialog', { name: 'Add a place to the case' });
        // Written differently: case, spacing, punctuation and the postcode's space.
        await userEvent.type(within(dialog).getByLabelText('Address'), address);
        await userEvent.type(within(dialog).getByLabelText('Town'), 'RIVERTON');
        await userEvent.type(within(dialog).getByLabelText('Postcode'), 'rv29mc');
        await userEvent.type(within(dialog).getByLabelText('Why this place matters to the case'), 'Where the victim lives');
        await userEvent.click(within(dialog).getByRole('button', { name: 'Add the place' }));
      },
    };
  }

  it('warns before saving, lists only the place with the same address, and can use it instead', async () => {
    const { calls, fill } = typeNewPlace();
    await fill('12,  marram court.');
    const warning = await screen.findByRole('dialog', { name: 'Is this place already recorded?' });
    expect(calls.filter((c) => c.channel === 'locations.search').map((c) => c.input)).toEqual([{ text: 'RV2 9MC', limit: 50 }]);
    expect(within(warning).getByRole('status').textContent).toContain('A place on this computer has the address you typed');
    const listed = within(within(warning).getByRole('list', { name: 'Places with this address' })).getAllByRole('listitem');
    expect(listed.map((item) => item.textContent)).toEqual(['12 Marram Court, Riverton, RV2 9MCUse this place']);
    expect(submitted(calls)).toEqual([]);

    await userEvent.click(within(warning).getByRole('button', { name: 'Use this place: 12 Marram Court, Riverton, RV2 9MC' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // No new address: the existing place goes on the case, with the reason typed.
    expect(submitted(calls)).toMatchObject([{ name: 'case.addLocation', args: { caseId: CASE, locationId: SAME, description: 'Where the victim lives' } }]);
    expect(submitted(calls)).toHaveLength(1);
  });

  it('still records a new place when the user says so, and Back keeps what was typed', async () => {
    const { calls, fill } = typeNewPlace();
    await fill('12 Marram Court');
    let warning = await screen.findByRole('dialog', { name: 'Is this place already recorded?' });
    await userEvent.click(within(warning).getByRole('button', { name: 'Back to the details' }));
    const form = await screen.findByRole('dialog', { name: 'Add a place to the case' });
    expect(within(form).getByLabelText<HTMLInputElement>('Address').value).toBe('12 Marram Court');
    expect(within(form).getByLabelText<HTMLInputElement>('Postcode').value).toBe('rv29mc');
    expect(submitted(calls)).toEqual([]);

    await userEvent.click(within(form).getByRole('button', { name: 'Add the place' }));
    warning = await screen.findByRole('dialog', { name: 'Is this place already recorded?' });
    await userEvent.click(within(warning).getByRole('button', { name: 'Record a new place anyway' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [created, added] = submitted(calls) as Array<{ name: string; args: Record<string, string> }>;
    expect(created).toMatchObject({ name: 'location.create', args: { addressLine: '12 Marram Court', town: 'RIVERTON', postcode: 'RV2 9MC' } });
    expect(created!.args.locationId).not.toBe(SAME);
    expect(added).toMatchObject({ name: 'case.addLocation', args: { caseId: CASE, locationId: created!.args.locationId, description: 'Where the victim lives' } });
  });

  it('saves at once when no place on this computer has the address (a longer street is another place)', async () => {
    const { calls, fill } = typeNewPlace();
    await fill('12 Marram Court Annexe Flat 2');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((submitted(calls) as Array<{ name: string }>).map((c) => c.name)).toEqual(['location.create', 'case.addLocation']);
  });
  it('offers "Use this place" first, and names a place already on this case instead of offering it', async () => {
    const { calls, fill } = typeNewPlace([{ id: SAME, address: '12 Marram Court, Riverton, RV2 9MC', description: 'Home' }]);
    await fill('12 Marram Court');
    const warning = await screen.findByRole('dialog', { name: 'Is this place already recorded?' });
    expect(within(warning).getByRole('status').textContent).toContain('This address is already on this case. There is no need to add it again');
    const listed = within(within(warning).getByRole('list', { name: 'Places with this address' })).getAllByRole('listitem');
    expect(listed.map((item) => item.textContent)).toEqual(['12 Marram Court, Riverton, RV2 9MCAlready on this case']);
    expect(within(warning).queryByRole('button', { name: /Use this place/ })).toBeNull();
    // Going back leads; recording anyway stays possible but is not the first choice.
    expect(within(warning).getByRole('button', { name: 'Back to the details' }).className).toContain('button--primary');
    expect(within(warning).getByRole('button', { name: 'Record a new place anyway' }).className).not.toContain('button--primary');
    expect(submitted(calls)).toEqual([]);
  });

  it('makes using the found place the primary choice when it is not on the case yet', async () => {
    const { fill } = typeNewPlace();
    await fill('12 Marram Court');
    const warning = await screen.findByRole('dialog', { name: 'Is this place already recorded?' });
    expect(within(warning).getByRole('button', { name: 'Use this place: 12 Marram Court, Riverton, RV2 9MC' }).className).toContain('button--primary');
    expect(within(warning).getByRole('button', { name: 'Record a new place anyway' }).className).not.toContain('button--primary');
  });
});
