// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../domain/result.ts';
import { buildQueueRow, buildSessionUser, buildSyncStatus, buildUiSettings } from '../test-support/factories.ts';
import { recordingDesktopApi } from '../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../test-support/render.tsx';
import { Workspace } from './Workspace.tsx';

const settings = { settings: buildUiSettings({ queuePageSize: 25 }), loadError: null, update: () => Promise.resolve(ok(buildUiSettings())), reload: () => undefined };

function openWorkspace() {
  const recording = recordingDesktopApi({
    'sync.status': () => ({ ok: true, value: buildSyncStatus({ lastSuccessAt: '2026-12-01T09:00:00.000Z' }) }),
    'cases.queue': (input) => {
      const { filter } = input as { filter: string };
      const rows = [buildQueueRow(), buildQueueRow({ id: '4f9a1c2e-8b7d-4e6f-a5c4-b3a2918f7e6d', reference: 'DA-2026-0002', title: 'Harassment' })];
      const matching = rows.filter((row) => row.reference.includes(filter));
      return { ok: true, value: { rows: matching, total: matching.length } };
    },
  });
  renderWithProviders(<Workspace user={buildSessionUser()} offline={false} settings={settings} onSignedOut={() => undefined} />, { api: recording.api });
  const queueCalls = () => recording.calls.filter((c) => c.channel === 'cases.queue').map((c) => c.input);
  return { ...recording, queueCalls };
}

beforeEach(() => {
  window.location.hash = '';
});
afterEach(cleanup);

describe('the signed-in workspace', () => {
  it('opens the queue at #/queue and reads the filter and page from the URL', async () => {
    window.location.hash = '#/queue?q=DA&page=2';
    const { queueCalls } = openWorkspace();
    await waitFor(() => expect(queueCalls()).toContainEqual({ filter: 'DA', limit: 25, offset: 25 }));
    expect(screen.getByLabelText<HTMLInputElement>('Filter cases').value).toBe('DA');
  });

  it('reads the queue again when sync says the offline copy changed, and not when nothing changed', async () => {
    const { queueCalls, emit } = openWorkspace();
    await screen.findByText('ASB-2026-0001');
    await waitFor(() => expect(queueCalls().length).toBeGreaterThan(0));
    const before = queueCalls().length;
    act(() => emit('sync.status', buildSyncStatus({ lastSuccessAt: '2026-12-01T09:00:00.000Z', phase: 'pulling' })));
    act(() => emit('sync.status', buildSyncStatus({ lastSuccessAt: '2026-12-01T09:00:00.000Z' })));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(queueCalls().length).toBe(before);
    act(() => emit('sync.status', buildSyncStatus({ lastSuccessAt: '2026-12-01T09:05:00.000Z' })));
    await waitFor(() => expect(queueCalls().length).toBe(before + 1));
  });

  it('puts a settled filter in the URL, and Back brings the earlier filter back into the box', async () => {
    const { queueCalls } = openWorkspace();
    await screen.findByText('ASB-2026-0001');
    await userEvent.type(screen.getByLabelText('Filter cases'), 'DA');
    await waitFor(() => expect(window.location.hash).toBe('#/queue?q=DA'));
    await waitFor(() => expect(screen.queryByText('ASB-2026-0001')).toBeNull());
    expect(queueCalls()).toContainEqual({ filter: 'DA', limit: 25, offset: 0 });

    await userEvent.click(screen.getByRole('button', { name: 'Open case DA-2026-0002' }));
    await waitFor(() => expect(window.location.hash).toBe('#/cases/4f9a1c2e-8b7d-4e6f-a5c4-b3a2918f7e6d'));
    act(() => window.history.back());
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('Filter cases').value).toBe('DA'));
    expect(window.location.hash).toBe('#/queue?q=DA');
  });
});
