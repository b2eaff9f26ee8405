// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { ReportVersions } from './ReportVersions.tsx';

const REPORT = '6f1c0a52-0000-4000-8000-0000000000b1';
const AUTHOR = '6f1c0a52-0000-4000-8000-0000000000a1';
const VERSIONS = [
  { version: 1, title: 'Visit', body: 'First.', editedBy: AUTHOR, editedAt: '2026-12-01T09:30:00.000Z' },
  { version: 2, title: 'Visit (corrected)', body: 'Second.', editedBy: AUTHOR, editedAt: '2026-12-02T14:05:00.000Z' },
];

function show(version: number, answer: () => unknown = () => ({ ok: true, value: { versions: VERSIONS } })) {
  const recording = recordingDesktopApi({ 'reports.versions': answer });
  renderWithProviders(<ReportVersions reportId={REPORT} reportTitle="Visit (corrected)" version={version} authorUserId={AUTHOR} authorAgencyName="Riverton Council" />,
    { api: recording.api });
  return recording;
}

afterEach(cleanup);

describe("an edited report's versions", () => {
  it('offers nothing for a report never edited, and asks the server nothing', () => {
    const { calls } = show(1);
    expect(screen.queryByRole('button')).toBeNull();
    expect(calls).toEqual([]);
  });

  it('lists who made each version and when, oldest first, once asked', async () => {
    const { calls } = show(2);
    expect(calls).toEqual([]);
    const toggle = screen.getByRole('button', { name: 'Versions of Visit (corrected) (2)' });
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const items = (await screen.findAllByRole('listitem')).map((li) => li.textContent);
    expect(items).toEqual([
      'Version 1: “Visit”, 1 Dec 2026, 09:30, by the author (Riverton Council)',
      'Version 2: “Visit (corrected)”, 2 Dec 2026, 14:05, by the author (Riverton Council) (current)',
    ]);
    expect(calls.map((c) => c.input)).toEqual([{ reportId: REPORT }]);
  });

  it('says the versions need a connection when the server cannot be reached', async () => {
    show(2, () => ({ ok: false, error: { code: 'network_error', message: 'offline' } }));
    await userEvent.click(screen.getByRole('button', { name: /^Versions of/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('The earlier versions are kept on the server: connect this computer and try again.');
  });
});
