// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { DataReturnRecord } from '../../../domain/marac/data-return-record.ts';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { DataReturn } from './DataReturn.tsx';
import type { DataReturnSearch } from './data-return-search.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const COUNCIL = id(3);
const shown = (value: number) => ({ suppressed: false as const, value });
const hidden = { suppressed: true as const };

function record(suppressUnder5: boolean, meetingId?: string): DataReturnRecord {
  return {
    area: { id: id(2), name: 'Riverton MARAC' },
    period: meetingId === undefined
      ? { kind: 'quarter', quarter: '2026-Q4', first: '2026-10-01', last: '2026-12-31', meetings: 2 }
      : { kind: 'meeting', meetingId, date: '2026-12-03' },
    suppressUnder5,
    figures: {
      casesDiscussed: shown(12), repeats: suppressUnder5 ? hidden : shown(3), repeatPercentage: suppressUnder5 ? hidden : { suppressed: false, value: 25 },
      children: shown(9), bameVictims: shown(5), ethnicityNotRecorded: suppressUnder5 ? hidden : shown(1), disabledVictims: shown(6),
      lgbtPlusVictims: suppressUnder5 ? hidden : shown(2), maleVictims: suppressUnder5 ? hidden : shown(1),
      harmCauser17OrUnder: suppressUnder5 ? hidden : shown(1), harmCauserAgeUnknown: suppressUnder5 ? hidden : shown(0),
      byReferringAgency: [{ agency: { id: id(5), name: 'Haven Victim Support' }, count: shown(8) }, { agency: { id: id(6), name: 'Riverton Police' }, count: suppressUnder5 ? hidden : shown(4) }],
    },
  };
}

function show(search: DataReturnSearch) {
  const searches: DataReturnSearch[] = [];
  const recording = recordingDesktopApi({
    'marac.areas': () => ({ ok: true, value: { areas: [
      { id: id(2), name: 'Riverton MARAC', coordinatorAgency: { id: COUNCIL, name: 'Riverton City Council' }, escalationIncidents: 3, escalationMonths: 12 },
      { id: id(9), name: 'Elsewhere MARAC', coordinatorAgency: { id: id(10), name: 'Elsewhere Council' }, escalationIncidents: 3, escalationMonths: 12 },
    ] } }),
    'marac.dataReturn.get': (input) => {
      const { suppressUnder5, scope } = input as { suppressUnder5: boolean; scope: { kind: string; meetingId?: string } };
      return { ok: true, value: record(suppressUnder5, scope.meetingId) };
    },
    'marac.dataReturn.file': () => ({ ok: false, error: { code: 'network_error', message: 'Offline.' } }),
  });
  renderWithProviders(<DataReturn agencyId={COUNCIL} search={search} onSearch={(s) => searches.push(s)} onBack={() => undefined} today="2026-12-05" />, { api: recording.api });
  return { ...recording, searches };
}

afterEach(cleanup);

describe('the MARAC data return screen', () => {
  it('offers the areas the agency coordinates and the recent quarters, and shows the figures as tables', async () => {
    const { calls } = show({});
    const [figures] = await screen.findAllByRole('table');
    expect(within(screen.getByLabelText('MARAC area')).getAllByRole('option').map((o) => o.textContent)).toEqual(['Riverton MARAC']);
    const quarters = within(screen.getByLabelText('Quarter')).getAllByRole('option').map((o) => o.textContent);
    expect(quarters.slice(0, 2)).toEqual(['2026 Q4 (October to December)', '2026 Q3 (July to September)']);
    expect(quarters).toHaveLength(8);
    const rows = within(figures!).getAllByRole('row').map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toContainEqual(['Cases discussed', '12']);
    expect(rows).toContainEqual(['Repeat cases (%)', '25']);
    expect(rows).toContainEqual(['Cases where the person causing harm is 17 or under', '1']);
    expect(calls.filter((c) => c.channel === 'marac.dataReturn.get').map((c) => c.input)).toEqual([
      { scope: { kind: 'quarter', areaId: id(2), quarter: '2026-Q4' }, suppressUnder5: false },
    ]);
  });

  it('shows suppressed counts in words, never as numbers, and puts every choice in the URL', async () => {
    const { searches } = show({ area: id(2), quarter: '2026-Q3', suppress: true });
    const tables = await screen.findAllByRole('table');
    const rows = tables.flatMap((t) => within(t).getAllByRole('row').map((r) => [...r.children].map((c) => c.textContent)));
    expect(rows).toContainEqual(['Repeat cases', 'fewer than 5']);
    expect(rows).toContainEqual(['Repeat cases (%)', 'fewer than 5']);
    expect(rows).toContainEqual(['Riverton Police', 'fewer than 5']);
    expect(screen.getByText(/shown as “fewer than 5”/)).toBeTruthy();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Suppress counts under 5' }));
    await userEvent.selectOptions(screen.getByLabelText('Quarter'), '2026-Q4');
    expect(searches).toEqual([
      { area: id(2), quarter: '2026-Q3', suppress: false },
      { area: id(2), quarter: '2026-Q4', suppress: true },
    ]);
  });

  it('says why a file could not be saved', async () => {
    const { calls } = show({});
    await userEvent.click(await screen.findByRole('button', { name: 'Save as XLSX' }));
    expect((await screen.findByRole('alert')).textContent).not.toBe('');
    expect(calls.filter((c) => c.channel === 'marac.dataReturn.file').map((c) => c.input)).toEqual([
      { scope: { kind: 'quarter', areaId: id(2), quarter: '2026-Q4' }, suppressUnder5: false, format: 'xlsx' },
    ]);
  });

  it("shows one meeting's return when the URL names the meeting, keeping the meeting as choices change", async () => {
    const { calls, searches } = show({ meeting: id(7) });
    expect((await screen.findByTestId('data-return-period')).textContent).toBe('Riverton MARAC, meeting of 3 Dec 2026');
    expect(screen.queryByLabelText('MARAC area')).toBeNull();
    expect(screen.queryByLabelText('Quarter')).toBeNull();
    expect(calls.filter((c) => c.channel === 'marac.dataReturn.get').map((c) => c.input)).toEqual([
      { scope: { kind: 'meeting', meetingId: id(7) }, suppressUnder5: false },
    ]);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Suppress counts under 5' }));
    await userEvent.click(screen.getByRole('button', { name: 'Show a quarter’s return instead' }));
    expect(searches).toEqual([{ meeting: id(7), suppress: true }, { suppress: false }]);
  });
});
