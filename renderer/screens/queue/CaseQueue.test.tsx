// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../../domain/result.ts';
import { Providers } from '../../app/Providers.tsx';
import { Workspace } from '../../app/Workspace.tsx';
import { buildQueueRow, buildSessionUser, buildSyncStatus, buildUiSettings } from '../../test-support/factories.ts';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { CaseQueue } from './CaseQueue.tsx';
import type { QueueSearch } from './queue-search.ts';

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
  it('keeps Next working while a sync re-reads the page on screen', async () => {
    let reading = false;
    const recording = recordingDesktopApi({
      'sync.status': () => ({ ok: true, value: buildSyncStatus({ lastSuccessAt: '2026-12-01T09:00:00.000Z' }) }),
      // Once a sync has finished, reading the first page again takes as long as the test wants (forever).
      'cases.queue': (input) => (reading && (input as { offset: number }).offset === 0 ? new Promise(() => undefined) : { ok: true, value: { rows, total: 60 } }),
      'cases.queueChoices': () => ({ ok: true, value: { caseTypes: [], ownerAgencies: [] } }),
    });
    renderWithProviders(<Workspace user={buildSessionUser()} offline={false} settings={settings} onSignedOut={() => undefined} />, { api: recording.api });
    await screen.findByText('ASB-2026-0001');
    reading = true;
    act(() => recording.emit('sync.status', buildSyncStatus({ lastSuccessAt: '2026-12-01T09:05:00.000Z' })));
    await waitFor(() => expect(recording.calls.filter((c) => c.channel === 'cases.queue')).toHaveLength(2));
    expect(screen.getByRole('table').getAttribute('aria-busy')).toBe('true');
    const next = screen.getByRole('button', { name: 'Next' });
    expect(next).toHaveProperty('disabled', false);
    await userEvent.click(next);
    await waitFor(() => expect(window.location.hash).toBe('#/queue?page=2'));
    await waitFor(() => expect(recording.calls.filter((c) => c.channel === 'cases.queue').at(-1)?.input).toMatchObject({ offset: 25 }));
  });

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

  it('says "more than" when a broad filter stops counting, keeps Next on, and gives the exact count where it knows it', async () => {
    window.location.hash = '#/queue?q=lane';
    const fullPage = Array.from({ length: 25 }, (_, i) => buildQueueRow({ id: crypto.randomUUID(), reference: `LANE-${i}` }));
    const recording = recordingDesktopApi({
      'sync.status': () => ({ ok: true, value: buildSyncStatus({ lastSuccessAt: '2026-12-01T09:00:00.000Z' }) }),
      // The cache counts to 1,000 (or to the end of the page asked for); the last page knows its exact total.
      'cases.queue': (input) => ({ ok: true, value: (input as { offset: number }).offset === 0 ? { rows, total: 1000, totalCapped: true }
        : (input as { offset: number }).offset < 1000 ? { rows: fullPage, total: 1000, totalCapped: true }
          : { rows, total: 1028, totalCapped: false } }),
      'cases.queueChoices': () => ({ ok: true, value: { caseTypes: [], ownerAgencies: [] } }),
    });
    renderWithProviders(<Workspace user={buildSessionUser()} offline={false} settings={settings} onSignedOut={() => undefined} />, { api: recording.api });
    expect(await screen.findByText('More than 1,000 cases')).toBeTruthy();
    const pages = screen.getByRole('navigation', { name: 'Case queue pages' });
    expect(within(pages).getByText('Showing 1–3 of more than 1,000')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Next' })).toHaveProperty('disabled', false);

    window.location.hash = '#/queue?q=lane&page=40';
    // The page that ends at the cap: more cases follow, so Next stays on.
    expect(await within(pages).findByText('Showing 976–1,000 of more than 1,000')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Next' })).toHaveProperty('disabled', false);
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(window.location.hash).toBe('#/queue?q=lane&page=41'));
    expect(await screen.findByText('Showing 1,001–1,003 of 1,028')).toBeTruthy();
    expect(screen.getByText('1,028 cases')).toBeTruthy();
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

describe('the case queue text filter', () => {
  // Answers by reference; the shorter the filter, the slower the answer, so earlier keystrokes come back last.
  function openFilteringQueue({ slowerWhenShorter = true } = {}) {
    const recording = recordingDesktopApi({
      'sync.status': () => ({ ok: true, value: buildSyncStatus({ lastSuccessAt: '2026-12-01T09:00:00.000Z' }) }),
      'cases.queue': (input) => {
        const { filter } = input as { filter: string };
        const matching = rows.filter((row) => row.reference.toLowerCase().includes(filter.toLowerCase()));
        const value = { ok: true, value: { rows: matching, total: matching.length } };
        return new Promise((resolve) => setTimeout(() => resolve(value), slowerWhenShorter ? Math.max(0, 14 - filter.length) * 15 : 0));
      },
      'cases.queueChoices': () => ({ ok: true, value: { caseTypes: [], ownerAgencies: [] } }),
    });
    renderWithProviders(<Workspace user={buildSessionUser()} offline={false} settings={settings} onSignedOut={() => undefined} />, { api: recording.api });
    const inputs = () => recording.calls.filter((c) => c.channel === 'cases.queue').map((c) => c.input);
    const filters = () => inputs().map((input) => (input as { filter: string }).filter);
    const shownReferences = () => screen.queryAllByTestId<HTMLTableRowElement>('case-row').map((row) => row.cells[0]?.textContent ?? '');
    return { inputs, filters, shownReferences };
  }

  it('asks for the rows of three or more characters at the keystroke, and of one or two after a short pause', async () => {
    const { filters } = openFilteringQueue();
    await screen.findByText('ASB-2026-0001');
    const box = screen.getByLabelText('Filter cases');
    await userEvent.type(box, 'DA-', { delay: null });
    // No pause: the keystroke's query has gone out before anything else happens, and the one- and
    // two-character beginnings (broad pages, each an audited search) were never asked.
    expect(filters()).toContain('DA-');
    expect(filters()).not.toContain('D');
    expect(filters()).not.toContain('DA');
    await waitFor(() => expect(window.location.hash).toBe('#/queue?q=DA-'));

    await userEvent.clear(box);
    await userEvent.type(box, 'D', { delay: null });
    expect(filters()).not.toContain('D');
    await waitFor(() => expect(filters()).toContain('D'));
    await waitFor(() => expect(screen.queryByText('ASB-2026-0001')).toBeNull());
    await waitFor(() => expect(window.location.hash).toBe('#/queue?q=D'));
  });

  it('asks at once for a short filter that a link or Back brings, and leaves that URL alone', async () => {
    window.location.hash = '#/queue?q=DA';
    // Answered at once, as the cache does.
    const { filters, inputs } = openFilteringQueue({ slowerWhenShorter: false });
    await waitFor(() => expect(filters()).toContain('DA'));
    expect(filters()[0]).toBe('DA');
    const box = screen.getByLabelText<HTMLInputElement>('Filter cases');
    expect(box.value).toBe('DA');

    await userEvent.click(screen.getByRole('tab', { name: 'Recently changed' }));
    await waitFor(() => expect(window.location.hash).toBe('#/queue?tab=recent&q=DA'));
    await userEvent.type(box, '-', { delay: null });
    await waitFor(() => expect(window.location.hash).toBe('#/queue?tab=recent&q=DA-'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    act(() => window.history.back());
    await waitFor(() => expect(box.value).toBe('DA'));
    // Back's own filter is asked, never the text typed before Back (nor is that written over Back's URL).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(inputs()).not.toContainEqual({ filter: 'DA-', limit: 25, offset: 0 });
    expect(window.location.hash).toBe('#/queue?q=DA');
    expect(box.value).toBe('DA');
  });

  it('shows the rows of the text typed last, however fast it was typed and whatever order the answers come in', async () => {
    const { filters, shownReferences } = openFilteringQueue();
    await screen.findByText('ASB-2026-0001');
    const box = screen.getByLabelText<HTMLInputElement>('Filter cases');
    await userEvent.type(box, 'DA-2026-0003', { delay: null });
    expect(box.value).toBe('DA-2026-0003');
    await waitFor(() => expect(shownReferences()).toEqual(['DA-2026-0003']));
    expect(screen.getByText('1 case')).toBeTruthy();
    await waitFor(() => expect(window.location.hash).toBe('#/queue?q=DA-2026-0003'));
    // Every slower answer for an earlier keystroke has arrived by now, and none of them replaced the rows or the box.
    await new Promise((resolve) => setTimeout(resolve, 14 * 15 + 50));
    // Every keystroke from the third character on was asked, each answered later than the next.
    expect(filters()).toEqual(expect.arrayContaining(['DA-', 'DA-2', 'DA-20', 'DA-202', 'DA-2026', 'DA-2026-', 'DA-2026-0', 'DA-2026-00', 'DA-2026-000']));
    expect(shownReferences()).toEqual(['DA-2026-0003']);
    expect(box.value).toBe('DA-2026-0003');
    expect(window.location.hash).toBe('#/queue?q=DA-2026-0003');

    // Back to two letters: both DA cases again.
    await userEvent.clear(box);
    await userEvent.type(box, 'da', { delay: null });
    await waitFor(() => expect(shownReferences()).toEqual(['DA-2026-0002', 'DA-2026-0003']));
    await waitFor(() => expect(window.location.hash).toBe('#/queue?q=da'));
  });

  it('keeps a keystroke typed while the URL catches up with the one before', async () => {
    // The queue alone, with a router that is slow to bring the URL back: the test says when it arrives.
    const recording = recordingDesktopApi({
      'cases.queue': (input) => {
        const { filter } = input as { filter: string };
        const matching = rows.filter((row) => row.reference.includes(filter));
        return { ok: true, value: { rows: matching, total: matching.length } };
      },
      'cases.queueChoices': () => ({ ok: true, value: { caseTypes: [], ownerAgencies: [] } }),
    });
    const written: Array<QueueSearch> = [];
    const queue = (search: QueueSearch) => (
      <Providers api={recording.api}>
        <CaseQueue search={search} pageSize={25} onSearchChange={(next) => written.push(next)} onOpenCase={() => undefined} />
      </Providers>
    );
    const { rerender } = render(queue({}));
    const box = screen.getByLabelText<HTMLInputElement>('Filter cases');
    await userEvent.type(box, 'DA-2026-000', { delay: null });
    await waitFor(() => expect(written.at(-1)).toEqual({ q: 'DA-2026-000' }));
    // Typed on before the URL came back with "DA-2026-000".
    await userEvent.type(box, '2', { delay: null });
    rerender(queue({ q: 'DA-2026-000' }));
    expect(box.value).toBe('DA-2026-0002');
    await waitFor(() => expect(written.at(-1)).toEqual({ q: 'DA-2026-0002' }));
    await waitFor(() => expect(screen.getAllByTestId<HTMLTableRowElement>('case-row').map((row) => row.cells[0]?.textContent)).toEqual(['DA-2026-0002']));

    // Back bringing an older filter still puts it in the box.
    rerender(queue({ q: 'DA' }));
    expect(box.value).toBe('DA');

    // Typed and taken back before the URL came back with it: the URL is put right again.
    await userEvent.type(box, '-', { delay: null });
    await waitFor(() => expect(written.at(-1)).toEqual({ q: 'DA-' }));
    await userEvent.type(box, '{Backspace}', { delay: null });
    rerender(queue({ q: 'DA-' }));
    expect(box.value).toBe('DA');
    await waitFor(() => expect(written.at(-1)).toEqual({ q: 'DA' }));
  });

  it('puts the typed text in the URL before a case opens, so Back returns to it', async () => {
    openFilteringQueue();
    await screen.findByText('ASB-2026-0001');
    const box = screen.getByLabelText<HTMLInputElement>('Filter cases');
    await userEvent.type(box, 'DA', { delay: null });
    await screen.findByRole('button', { name: 'Open case DA-2026-0002' });
    // Typed on, and the case opened before "DA-" had its rows.
    await userEvent.type(box, '-', { delay: null });
    await userEvent.click(screen.getByRole('button', { name: 'Open case DA-2026-0002' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/cases/${rows[1]!.id}`));
    act(() => window.history.back());
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('Filter cases').value).toBe('DA-'));
    expect(window.location.hash).toBe('#/queue?q=DA-');
  });
});
