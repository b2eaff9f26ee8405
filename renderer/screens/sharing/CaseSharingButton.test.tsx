// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseSharingView } from '../../../domain/entities/sharing.ts';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { CaseSharingButton } from './CaseSharingButton.tsx';

const CASE = '0193c3a0-0000-7000-8000-000000000001';
const NSP = '0193c3a0-0000-7000-8000-0000000000a1';
const RCC = '0193c3a0-0000-7000-8000-0000000000a2';
const NPN = '0193c3a0-0000-7000-8000-0000000000b1';
const ASB = '0193c3a0-0000-7000-8000-0000000000b2';
const AMELIA = '0193c3a0-0000-7000-8000-0000000000c1';
const RAJ = '0193c3a0-0000-7000-8000-0000000000c2';

const view = (sharing: Partial<CaseSharingView['sharing']> = {}): CaseSharingView => ({
  caseId: CASE,
  owner: { agencyId: NSP, teamId: NPN, userId: AMELIA },
  sharing: { sharingLevel: 'shared', agencyIds: [RCC], teamIds: [], userIds: [], hiddenFromSearch: false, version: 4, ...sharing },
  agencies: [
    { id: NSP, name: 'Northshire Police', mayShare: true, teams: [{ id: NPN, name: 'Neighbourhood Policing North' }], users: [{ id: AMELIA, displayName: 'PC Amelia Hart', teamIds: [NPN] }] },
    { id: RCC, name: 'Riverton City Council', mayShare: true, teams: [{ id: ASB, name: 'ASB team' }], users: [{ id: RAJ, displayName: 'Raj Patel', teamIds: [ASB] }] },
  ],
});

async function openDialog(answers: Parameters<typeof recordingDesktopApi>[0]) {
  const recording = recordingDesktopApi(answers);
  renderWithProviders(<CaseSharingButton caseId={CASE} />, { api: recording.api });
  await userEvent.click(screen.getByRole('button', { name: 'Sharing…' }));
  return recording;
}

/** Opens the dialog and waits until the sharing has been read. */
async function openLoaded(answers: Parameters<typeof recordingDesktopApi>[0]) {
  const recording = await openDialog(answers);
  await screen.findByTestId('sharing-dialog');
  return { ...recording, dialog: screen.getByRole('dialog', { name: 'Who can see this case' }) };
}

afterEach(cleanup);

describe('the case sharing dialog', () => {
  it('summarises the choice in plain words as the user changes it, and saves it with the version read', async () => {
    const { dialog, calls } = await openLoaded({
      'sharing.case': () => ({ ok: true, value: view() }),
      'sharing.setCase': () => ({ ok: true, value: view({ sharingLevel: 'shared', agencyIds: [], teamIds: [ASB], version: 5 }) }),
    });
    const summary = within(dialog).getByTestId('sharing-summary');
    expect(summary.textContent).toContain('Visible to: Northshire Police — all staff; Riverton City Council — all staff');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'All staff' }));
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'ASB team' }));
    expect(summary.textContent).toContain('Visible to: Northshire Police — all staff; Riverton City Council — ASB team');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Hidden from search' }));
    expect(summary.textContent).toContain('Hidden from search');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save sharing' }));
    expect((await screen.findByTestId('sharing-saved')).textContent).toContain('Riverton City Council — ASB team');
    expect(calls.find((c) => c.channel === 'sharing.setCase')?.input).toEqual({
      caseId: CASE, sharingLevel: 'shared', agencyIds: [], teamIds: [ASB], userIds: [], hiddenFromSearch: true, expectedVersion: 4,
    });
  });

  it('shows a stale change as a conflict with what changed, and reapplies the choice on the new version only when asked', async () => {
    let attempt = 0;
    const { dialog, calls } = await openLoaded({
      'sharing.case': () => ({ ok: true, value: attempt === 0 ? view() : view({ hiddenFromSearch: true, teamIds: [], agencyIds: [RCC], version: 5 }) }),
      'sharing.setCase': () => {
        attempt += 1;
        return attempt === 1 ? { ok: false, error: { code: 'conflict', message: 'The case changed since you loaded it; reload and try again.' } }
          : { ok: true, value: view({ sharingLevel: 'owner_agency', agencyIds: [], version: 6 }) };
      },
    });
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Owner agency' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save sharing' }));
    const conflict = await within(dialog).findByTestId('sharing-conflict');
    expect(conflict.textContent).toContain('Someone else changed who can see this case');
    expect(conflict.textContent).toContain('It is now: Visible to: Northshire Police — all staff; Riverton City Council — all staff. Hidden from search');
    expect(conflict.textContent).toContain('Your choice: Visible to: Northshire Police — all staff. Shown in search');
    // Nothing is sent again until the user decides.
    expect(calls.filter((c) => c.channel === 'sharing.setCase')).toHaveLength(1);
    await userEvent.click(within(conflict).getByRole('button', { name: 'Apply my choice' }));
    await screen.findByTestId('sharing-saved');
    const sent = calls.filter((c) => c.channel === 'sharing.setCase').map((c) => c.input as { expectedVersion: number; sharingLevel: string });
    expect(sent.map((s) => [s.sharingLevel, s.expectedVersion])).toEqual([['owner_agency', 4], ['owner_agency', 5]]);
  });

  it("keeps the other person's change when the user chooses to, sending nothing", async () => {
    let reads = 0;
    const { dialog, calls } = await openLoaded({
      'sharing.case': () => ({ ok: true, value: reads++ === 0 ? view() : view({ sharingLevel: 'owner_team', agencyIds: [], version: 5 }) }),
      'sharing.setCase': () => ({ ok: false, error: { code: 'conflict', message: 'stale' } }),
    });
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Owner only' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save sharing' }));
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Keep the current sharing' }));
    expect(within(dialog).getByRole<HTMLInputElement>('radio', { name: 'Owner team' }).checked).toBe(true);
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Save sharing' }).disabled).toBe(true);
    expect(calls.filter((c) => c.channel === 'sharing.setCase')).toHaveLength(1);
  });

  it('says that sharing needs a connection when offline', async () => {
    await openDialog({ 'sharing.case': () => ({ ok: false, error: { code: 'network_error', message: 'offline' } }) });
    expect((await screen.findByRole('alert')).textContent).toBe('Sharing is decided on the server: try again when this computer is connected.');
  });
});
