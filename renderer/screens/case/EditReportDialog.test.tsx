// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { EditReportButton } from './EditReportButton.tsx';

const REPORT = '6f1c0a52-0000-4000-8000-0000000000d1';
const CASE = '6f1c0a52-0000-4000-8000-0000000000c1';
const TEXT = { id: REPORT, caseId: CASE, kind: 'contact', title: 'Home visit', body: 'Spoke to the tenant.', version: 3, editable: true } as const;

function show(text: object = TEXT) {
  const recording = recordingDesktopApi({
    'reports.text': () => ({ ok: true, value: text }),
    'changes.submit': () => ({ ok: true, value: { mutationId: 7 } }),
  });
  renderWithProviders(<EditReportButton reportId={REPORT} reportTitle="Home visit" />, { api: recording.api });
  return recording;
}
const submitted = (calls: Array<{ channel: string; input: unknown }>) => calls.filter((c) => c.channel === 'changes.submit').map((c) => c.input);
async function open() {
  await userEvent.click(screen.getByRole('button', { name: 'Edit Home visit' }));
  const dialog = await screen.findByRole('dialog', { name: 'Edit the report' });
  await within(dialog).findByLabelText('Report');
  return dialog;
}

afterEach(cleanup);

describe('editing a report', () => {
  it('starts from the whole current text and queues only what changed, from the version shown, then closes', async () => {
    const { calls } = show();
    const dialog = await open();
    expect(within(dialog).getByLabelText<HTMLInputElement>('Title').value).toBe('Home visit');
    const text = within(dialog).getByLabelText('Report');
    expect((text as HTMLTextAreaElement).value).toBe('Spoke to the tenant.');
    await userEvent.type(text, ' Rent arrears discussed.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save the changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(submitted(calls)).toEqual([
      { name: 'report.update', args: { reportId: REPORT, body: 'Spoke to the tenant. Rent arrears discussed.' }, baseVersion: 3 },
    ]);
    // Focus goes back to the button once the dialog has gone, which may be a moment after it leaves the DOM.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit Home visit' })));
  });

  it('refuses an empty title beside the field and an unchanged report, queueing nothing', async () => {
    const { calls } = show();
    const dialog = await open();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save the changes' }));
    expect(within(dialog).getByRole('alert').textContent).toContain('Change the title or the text first');
    await userEvent.clear(within(dialog).getByLabelText('Title'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save the changes' }));
    expect(within(dialog).getByLabelText('Title').getAttribute('aria-invalid')).toBe('true');
    expect(submitted(calls)).toEqual([]);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it("says only the author can edit a report the server gave no edit ability for, offering no form", async () => {
    show({ ...TEXT, editable: false });
    await userEvent.click(screen.getByRole('button', { name: 'Edit Home visit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit the report' });
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Only the report’s author can edit it.');
    expect(within(dialog).queryByLabelText('Report')).toBeNull();
  });
});
