// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { AddReportForm } from './AddReportForm.tsx';

const CASE_ID = '01JD0000000000000000000001';

function open() {
  const recording = recordingDesktopApi({ 'changes.submit': () => ({ ok: true, value: { mutationId: 7 } }) });
  renderWithProviders(<AddReportForm caseId={CASE_ID} />, { api: recording.api });
  return recording;
}

afterEach(cleanup);

describe('adding a report', () => {
  it('refuses an empty title and text beside each field, and sends nothing', async () => {
    const { calls } = open();
    await userEvent.click(screen.getByRole('button', { name: 'Add a report' }));
    await userEvent.type(screen.getByLabelText('Title'), '   ');
    await userEvent.click(screen.getByRole('button', { name: 'Save report' }));
    const title = screen.getByLabelText('Title');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(title.getAttribute('aria-describedby')!)?.textContent).toBe('This cannot be empty.');
    const body = screen.getByLabelText('Report');
    expect(document.getElementById(body.getAttribute('aria-describedby')!)?.textContent).toBe('This cannot be empty.');
    expect(calls.filter((c) => c.channel === 'changes.submit')).toEqual([]);
  });

  it('words the domain’s own length limit for a title that is too long', async () => {
    const { calls } = open();
    await userEvent.click(screen.getByRole('button', { name: 'Add a report' }));
    await userEvent.click(screen.getByLabelText('Title'));
    await userEvent.paste('x'.repeat(201));
    await userEvent.type(screen.getByLabelText('Report'), 'Visited.');
    await userEvent.click(screen.getByRole('button', { name: 'Save report' }));
    expect(await screen.findByText('Use 200 characters or fewer.')).toBeTruthy();
    expect(calls.filter((c) => c.channel === 'changes.submit')).toEqual([]);
  });

  it('saves a valid report through the outbox with the trimmed title, then says it is kept on this computer', async () => {
    const { calls } = open();
    await userEvent.click(screen.getByRole('button', { name: 'Add a report' }));
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'assessment');
    await userEvent.type(screen.getByLabelText('Title'), '  Home visit  ');
    await userEvent.type(screen.getByLabelText('Report'), 'Spoke with the tenant.');
    await userEvent.click(screen.getByRole('button', { name: 'Save report' }));
    expect((await screen.findByRole('status')).textContent).toBe('Report saved on this computer. It is sent to the server at the next sync.');
    const submitted = calls.filter((c) => c.channel === 'changes.submit');
    expect(submitted).toHaveLength(1);
    expect(submitted[0]?.input).toMatchObject({
      name: 'report.create',
      args: { caseId: CASE_ID, kind: 'assessment', title: 'Home visit', body: 'Spoke with the tenant.' },
    });
  });
});
