// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../../domain/documents/max-document-bytes.ts';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { UploadDocument } from './UploadDocument.tsx';

const CASE = '6f1c0a52-0000-4000-8000-0000000000c1';
const SHA = 'a'.repeat(64);
const QUEUED = { documentId: '6f1c0a52-0000-4000-8000-0000000000d1', fileName: 'Visit.txt', sizeBytes: 12, sha256: SHA, waitingToSync: false };

function show(answer: (input: unknown) => unknown = () => ({ ok: true, value: QUEUED })) {
  const recording = recordingDesktopApi({ 'documents.upload': answer });
  renderWithProviders(<UploadDocument caseId={CASE} />, { api: recording.api });
  return { ...recording, user: userEvent.setup({ applyAccept: false }) };
}
const uploads = (calls: Array<{ channel: string; input: unknown }>) => calls.filter((c) => c.channel === 'documents.upload');

afterEach(cleanup);

describe('attaching a file to a case', () => {
  it('refuses a file of a kind not allowed beside the control, and sends nothing', async () => {
    const { calls, user } = show();
    await user.upload(screen.getByLabelText('Attach a file'), new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' }));
    expect(screen.getByRole('alert').textContent).toMatch(/^setup\.exe is not a kind of file that can be attached\. Allowed: PDF/);
    expect(screen.getByLabelText('Attach a file').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Upload' }).disabled).toBe(true);
    expect(uploads(calls)).toEqual([]);
  });

  it('refuses a file over the size limit in words', async () => {
    const { calls, user } = show();
    const big = new File(['x'], 'scan.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: MAX_DOCUMENT_BYTES + 1 });
    await user.upload(screen.getByLabelText('Attach a file'), big);
    expect(screen.getByRole('alert').textContent).toBe('scan.pdf is 20 MB: a document may be at most 20 MB.');
    expect(uploads(calls)).toEqual([]);
  });

  it('without a connection, says the file is kept on this computer waiting to sync, with its SHA-256', async () => {
    const { calls, user } = show(() => ({ ok: true, value: { ...QUEUED, waitingToSync: true } }));
    await user.upload(screen.getByLabelText('Attach a file'), new File(['Visit notes.'], 'Visit.txt', { type: 'text/plain' }));
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    const stored = await screen.findByTestId('uploaded-document');
    expect(stored.textContent).toBe(`Kept Visit.txt on this computer, waiting to sync. SHA-256: ${SHA}`);
    expect(stored.getAttribute('role')).toBe('status');
    expect(uploads(calls)).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('uploads an allowed file with its content and shows the SHA-256 the server answered', async () => {
    const { calls, user } = show();
    await user.upload(screen.getByLabelText('Attach a file'), new File(['Visit notes.'], 'Visit.txt', { type: 'text/plain' }));
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    expect((await screen.findByTestId('uploaded-document')).textContent).toBe(`Uploaded Visit.txt. SHA-256: ${SHA}`);
    expect(uploads(calls).map((c) => c.input)).toEqual([{ caseId: CASE, fileName: 'Visit.txt', contentType: 'text/plain', base64: btoa('Visit notes.') }]);
  });

  it("shows the server's refusal beside the control", async () => {
    const { user } = show(() => ({ ok: false, error: { code: 'validation_error', message: 'The file content does not match its declared type.' } }));
    await user.upload(screen.getByLabelText('Attach a file'), new File(['not a pdf'], 'fake.pdf', { type: 'application/pdf' }));
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The server did not accept the file: The file content does not match its declared type.');
    expect(screen.queryByTestId('uploaded-document')).toBeNull();
  });
});
