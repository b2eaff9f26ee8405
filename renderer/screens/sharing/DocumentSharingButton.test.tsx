// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentSharingView } from '../../../domain/ipc/sharing-channels.ts';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { DocumentSharingButton } from './DocumentSharingButton.tsx';

const id = (n: number) => `0193c3a0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const [CASE, DOC, NSP, RCC, NPN, ASB, CARE, AMELIA, RAJ, HELEN] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(id) as [string, string, string, string, string, string, string, string, string, string];

// A police case shared with the council's ASB team only; the document is the police officer's.
const view: DocumentSharingView = {
  document: { id: DOC, fileName: 'visit.txt', owner: { agencyId: NSP, teamId: NPN, userId: AMELIA }, sharingLevel: 'parent', agencyIds: [], teamIds: [], userIds: [], mayChange: true },
  case: {
    caseId: CASE,
    owner: { agencyId: NSP, teamId: NPN, userId: AMELIA },
    sharing: { sharingLevel: 'shared', agencyIds: [], teamIds: [ASB], userIds: [], hiddenFromSearch: false, version: 3 },
    agencies: [
      { id: NSP, name: 'Northshire Police', mayShare: true, teams: [{ id: NPN, name: 'Neighbourhood Policing North' }], users: [{ id: AMELIA, displayName: 'PC Amelia Hart', teamIds: [NPN] }] },
      {
        id: RCC, name: 'Riverton City Council', mayShare: true, teams: [{ id: ASB, name: 'ASB team' }, { id: CARE, name: 'Adult Social Care' }],
        users: [{ id: RAJ, displayName: 'Raj Patel', teamIds: [ASB] }, { id: HELEN, displayName: 'Helen Clarke', teamIds: [CARE] }],
      },
    ],
  },
};

afterEach(cleanup);

describe('the document sharing dialog', () => {
  it("never offers more than the case admits, follows the case's summary, and saves from the sharing it read", async () => {
    const recording = recordingDesktopApi({
      'sharing.document': () => ({ ok: true, value: view }),
      'sharing.setDocument': () => ({ ok: true, value: { ...view, document: { ...view.document, sharingLevel: 'shared', teamIds: [ASB] } } }),
    });
    renderWithProviders(<DocumentSharingButton documentId={DOC} fileName="visit.txt" />, { api: recording.api });
    await userEvent.click(screen.getByRole('button', { name: 'Sharing of visit.txt' }));
    await screen.findByTestId('sharing-dialog');
    const dialog = screen.getByRole('dialog', { name: 'Who can see this document' });
    expect(within(dialog).getByTestId('sharing-summary').textContent)
      .toBe('Follows the case. Visible to: Northshire Police — all staff; Riverton City Council — ASB team');
    expect(within(dialog).queryByRole('checkbox', { name: 'Hidden from search' })).toBeNull();
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Named agencies, teams and people' }));
    const council = within(dialog).getByRole('group', { name: 'Riverton City Council' });
    expect(within(council).queryByRole('checkbox', { name: 'All staff' })).toBeNull();
    expect(within(council).queryByRole('checkbox', { name: 'Adult Social Care' })).toBeNull();
    expect(within(council).queryByRole('checkbox', { name: 'Helen Clarke' })).toBeNull();
    await userEvent.click(within(council).getByRole('checkbox', { name: 'ASB team' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save sharing' }));
    await screen.findByText(/Sharing saved\./);
    expect(recording.calls.find((c) => c.channel === 'sharing.setDocument')?.input).toEqual({
      documentId: DOC, sharingLevel: 'shared', agencyIds: [], teamIds: [ASB], userIds: [],
      expected: { sharingLevel: 'parent', agencyIds: [], teamIds: [], userIds: [] },
    });
  });

  it('shows the sharing without choices to someone who may not change it', async () => {
    const recording = recordingDesktopApi({ 'sharing.document': () => ({ ok: true, value: { ...view, document: { ...view.document, mayChange: false } } }) });
    renderWithProviders(<DocumentSharingButton documentId={DOC} fileName="visit.txt" />, { api: recording.api });
    await userEvent.click(screen.getByRole('button', { name: 'Sharing of visit.txt' }));
    await screen.findByTestId('sharing-dialog');
    expect(screen.getByText(/Only the person who added this document/)).toBeTruthy();
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save sharing' })).toBeNull();
  });
});
