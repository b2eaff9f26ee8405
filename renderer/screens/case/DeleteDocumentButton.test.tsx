// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { errorMessage } from '../../words/error-messages.ts';
import { DeleteDocumentButton } from './DeleteDocumentButton.tsx';

const DOCUMENT = '5b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

function show(answer: () => unknown) {
  const recording = recordingDesktopApi({ 'documents.delete': answer });
  renderWithProviders(<DeleteDocumentButton documentId={DOCUMENT} fileName="Door photo.png" />, { api: recording.api });
  return recording;
}
const deletions = (calls: Array<{ channel: string; input: unknown }>) => calls.filter((c) => c.channel === 'documents.delete').map((c) => c.input);

afterEach(cleanup);

describe('deleting a document', () => {
  it('asks first, naming the file; Cancel and Escape delete nothing', async () => {
    const { calls } = show(() => ({ ok: true, value: null }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete Door photo.png' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete this document?' });
    expect(dialog.textContent).toContain('“Door photo.png” and its content will be deleted');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Delete Door photo.png' }));
    await screen.findByRole('alertdialog');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(deletions(calls)).toEqual([]);
  });

  it('deletes once confirmed and closes', async () => {
    const { calls } = show(() => ({ ok: true, value: null }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete Door photo.png' }));
    const dialog = await screen.findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete the document' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(deletions(calls)).toEqual([{ documentId: DOCUMENT }]);
  });

  it('a deletion refused on this computer (not yours to delete) is worded in the dialog, which stays open', async () => {
    show(() => ({ ok: false, error: { code: 'authorization_error', message: 'Only the uploader or a manager of the owning agency may delete this document.' } }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete Door photo.png' }));
    const dialog = await screen.findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete the document' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(errorMessage('authorization_error'));
    expect(screen.getByRole('alertdialog')).toBeTruthy();
  });
});
