// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../../domain/result.ts';
import { Workspace } from '../../app/Workspace.tsx';
import { buildQueueRow, buildSessionUser, buildSyncStatus, buildUiSettings } from '../../test-support/factories.ts';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';

const settings = { settings: buildUiSettings({ queuePageSize: 25 }), loadError: null, update: () => Promise.resolve(ok(buildUiSettings())), reload: () => undefined };
const AGENCY = '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const rows = [
  buildQueueRow(),
  buildQueueRow({ id: '4f9a1c2e-8b7d-4e6f-a5c4-b3a2918f7e6d', reference: 'DA-2026-0002', title: 'Harassment' }),
  buildQueueRow({ id: '5f9a1c2e-8b7d-4e6f-a5c4-b3a2918f7e6d', reference: 'DA-2026-0003', title: 'Threats' }),
];

function openQueue() {
  const recording = recordingDesktopApi({
    'sync.status': () => ({ ok: true, value: buildSyncStatus({ lastSuccessAt: '2026-12-01T09:00:00.000Z' }) }),
    'cases.queue': () => ({ ok: true, value: { rows, total: 60 } }),
    'cases.queueChoices': () => ({
      ok: true, value: { caseTypes: [{ code: 'iom', label: 'Integrated offender management' }], ownerAgencies: [{ id: AGENCY, name: 'Alderholt Council' }] },
    }),
  });
  renderWithProviders(<Workspace user={buildSessionUser()} offline={false} settings={settings} onSignedOut={() => undefined} />, { api: recording.api });
  const lastQueueCall = () => recording.calls.filter((c) => c.channel === 'cases.queue').at(-1)?.input;
  return { ...recording, lastQueueCall };
}

beforeEach(() => {
  window.location.hash = '';
});
afterEach(cleanup);

describe('the case queue tabs, filters and sorting', () => {
  it('reads the tab, filters, sort, text and page from the URL, and falls back on values that do not fit', async () => {
    window.location.hash = `#/queue?tab=my_cases&type=iom&status=open&risk=high&overdue=1&owner=${AGENCY}&sort=reference&dir=asc&q=DA&page=2`;
    const { lastQueueCall } = openQueue();
    await waitFor(() => expect(lastQueueCall()).toEqual({
      filter: 'DA', limit: 25, offset: 25, tab: 'my_cases', caseType: 'iom', status: 'open', riskLevel: 'high', overdue: true,
      ownerAgencyId: AGENCY, sort: 'reference', direction: 'asc',
    }));
    expect(screen.getByRole('tab', { name: 'My cases' }).getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(screen.getByLabelText<HTMLSelectElement>('Case type').value).toBe('iom'));
    expect(screen.getByLabelText<HTMLSelectElement>('Owner agency').value).toBe(AGENCY);
    expect(screen.getByLabelText<HTMLInputElement>('Overdue for review').checked).toBe(true);
    expect(screen.getByRole('columnheader', { name: /Reference/ }).getAttribute('aria-sort')).toBe('ascending');
    cleanup();

    window.location.hash = '#/queue?tab=nonsense&type=No%20pe!&risk=7&overdue=yes&owner=x&sort=colour&dir=up';
    const second = openQueue();
    await waitFor(() => expect(second.lastQueueCall()).toEqual({ filter: '', limit: 25, offset: 0 }));
    expect(screen.getByRole('tab', { name: 'Everything I can see' }).getAttribute('aria-selected')).toBe('true');
  });

  it('moves between tabs with the arrow keys, and a tab, filter or sort goes back to the first page', async () => {
    window.location.hash = '#/queue?page=3';
    const { lastQueueCall } = openQueue();
    await screen.findByText('ASB-2026-0001');
    const everything = screen.getByRole('tab', { name: 'Everything I can see' });
    expect(everything.getAttribute('tabindex')).toBe('0');
    expect(screen.getByRole('tab', { name: 'My tasks' }).getAttribute('tabindex')).toBe('-1');
    everything.focus();
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(window.location.hash).toBe('#/queue?tab=recent'));
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Recently changed' }));
    expect(document.getElementById(screen.getByRole('tabpanel').getAttribute('aria-labelledby')!)?.textContent).toBe('Recently changed');
    await userEvent.keyboard('{Home}');
    await waitFor(() => expect(window.location.hash).toBe('#/queue?tab=my_tasks'));

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(window.location.hash).toBe('#/queue?tab=my_tasks&page=2'));
    await waitFor(() => expect(within(screen.getByLabelText('Case type')).getByRole('option', { name: 'Integrated offender management' })).toBeTruthy());
    await userEvent.selectOptions(screen.getByLabelText('Case type'), 'iom');
    await waitFor(() => expect(window.location.hash).toBe('#/queue?tab=my_tasks&type=iom'));
    await userEvent.selectOptions(screen.getByLabelText('Owner agency'), 'Alderholt Council');
    await userEvent.click(screen.getByLabelText('Overdue for review'));
    await waitFor(() => expect(window.location.hash).toBe(`#/queue?tab=my_tasks&type=iom&overdue=1&owner=${AGENCY}`));
    await waitFor(() => expect(lastQueueCall()).toMatchObject({ tab: 'my_tasks', caseType: 'iom', overdue: true, ownerAgencyId: AGENCY, offset: 0 }));

    // Sorting: a first click takes the column's natural direction, a second reverses it.
    expect(screen.getByRole('columnheader', { name: /Last updated/ }).getAttribute('aria-sort')).toBe('descending');
    await userEvent.click(screen.getByRole('button', { name: /^Title/ }));
    await waitFor(() => expect(window.location.hash).toContain('sort=title&dir=asc'));
    expect(screen.getByRole('columnheader', { name: /Title/ }).getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByRole('columnheader', { name: /Last updated/ }).getAttribute('aria-sort')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: /^Title/ }));
    await waitFor(() => expect(lastQueueCall()).toMatchObject({ sort: 'title', direction: 'desc' }));

    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(window.location.hash).toBe('#/queue?tab=my_tasks&sort=title&dir=desc'));
  });

  it('focuses the filter on "/", moves between rows with the arrows and opens one with Enter', async () => {
    openQueue();
    await screen.findByText('ASB-2026-0001');
    await userEvent.keyboard('/');
    const filter = screen.getByLabelText<HTMLInputElement>('Filter cases');
    expect(document.activeElement).toBe(filter);
    expect(filter.value).toBe('');
    // Typed in the box, "/" is text.
    await userEvent.keyboard('a/');
    expect(filter.value).toBe('a/');
    await userEvent.clear(filter);

    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open case ASB-2026-0001' }));
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowUp}');
    const second = screen.getByRole('button', { name: 'Open case DA-2026-0002' });
    expect(document.activeElement).toBe(second);
    expect(second.getAttribute('tabindex')).toBe('0');
    expect(screen.getByRole('button', { name: 'Open case ASB-2026-0001' }).getAttribute('tabindex')).toBe('-1');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(window.location.hash).toBe(`#/cases/${rows[1]!.id}`));
  });
});
