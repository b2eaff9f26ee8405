// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgendaItem, MeetingRecord } from '../../../domain/entities/marac-meeting.ts';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { Meeting } from './Meeting.tsx';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const MEETING_ID = id(1);

const item = (n: number, name: string, overrides: Partial<AgendaItem> = {}): AgendaItem => ({
  id: id(100 + n), position: n, caseId: id(200 + n), caseReference: `HVS-2026-0000${String(n)}`, referralId: id(300 + n), victimName: name,
  referringAgency: { id: id(5), name: 'Haven Victim Support' }, referredOn: '2026-12-01', score: 15, band: 'high', repeat: false,
  emergency: false, carriedForward: false, research: [], minutes: null, actions: [], ...overrides,
});

function meeting(overrides: Partial<MeetingRecord> = {}): MeetingRecord {
  return {
    id: MEETING_ID, maracArea: { id: id(2), name: 'Riverton MARAC' }, coordinatorAgency: { id: id(3), name: 'Riverton City Council' },
    date: '2026-12-10', chair: 'Synthetic Chair', coordinator: { id: id(4), displayName: 'Helen Clarke' },
    agenda: [
      item(1, 'Ottoline Quennell', {
        research: [
          { id: id(401), agency: { id: id(6), name: 'Riverton Police' }, authorUserId: id(7), nature: 'fact', restricted: false, text: 'Two call-outs in October.', createdAt: '2026-12-02T10:00:00.000Z' },
          { id: id(402), agency: { id: id(6), name: 'Riverton Police' }, authorUserId: id(7), nature: 'opinion', restricted: false, text: 'Risk is escalating.', createdAt: '2026-12-02T10:00:00.000Z' },
        ],
      }),
      item(2, 'Perpetua Synthwood', { emergency: true }),
    ],
    hiddenItems: 1,
    attendees: [{ id: id(8), userId: id(9), name: 'Tormar Kasel', agency: { id: id(6), name: 'Riverton Police' }, acknowledgedAt: '2026-12-03T09:00:00.000Z' }],
    abilities: { run: true, addResearch: true, acknowledge: false },
    ...overrides,
  };
}

function show(view: MeetingRecord) {
  const recording = recordingDesktopApi({
    'marac.meetings.get': () => ({ ok: true, value: view }),
    'marac.meetings.orderAgenda': () => ({ ok: true, value: view }),
    'marac.referrals.list': () => ({ ok: true, value: { referrals: [] } }),
    'marac.meetings.attendeeCandidates': () => ({
      ok: true, value: { agencies: [{ id: id(10), name: 'Riverton Homes Association', users: [{ id: id(11), displayName: 'Sara Khan' }] }] },
    }),
    'marac.meetings.addAttendee': () => ({ ok: true, value: view }),
  });
  const opened: string[] = [];
  renderWithProviders(<Meeting meetingId={MEETING_ID} onBack={() => undefined} onDataReturn={() => opened.push('data-return')} />, { api: recording.api });
  return { ...recording, opened };
}

afterEach(cleanup);

describe('the MARAC meeting screen', () => {
  it('shows the agenda in order with its flags, research under facts and opinion apart, and counts the cases not shared', async () => {
    show(meeting());
    expect(await screen.findByRole('heading', { level: 1, name: 'MARAC meeting, 10 Dec 2026' })).toBeTruthy();
    const items = screen.getAllByTestId('agenda-item');
    expect(items.map((i) => within(i).getByRole('heading', { level: 3 }).textContent)).toEqual([
      '1. Ottoline Quennell · HVS-2026-00001', '2. Perpetua Synthwood · HVS-2026-00002',
    ]);
    expect(items[1]?.textContent).toContain('Emergency');
    const first = items[0]!;
    const facts = within(first).getByRole('heading', { level: 4, name: 'Facts held' }).nextElementSibling;
    const opinion = within(first).getByRole('heading', { level: 4, name: 'Professional opinion' }).nextElementSibling;
    expect(facts?.textContent).toContain('Two call-outs in October.');
    expect(facts?.textContent).not.toContain('Risk is escalating.');
    expect(opinion?.textContent).toContain('Risk is escalating.');
    expect(screen.getByText('One case on the agenda is not shared with you.')).toBeTruthy();
  });

  it("offers whoever runs the meeting its data return", async () => {
    const { opened } = show(meeting());
    await userEvent.click(await screen.findByRole('button', { name: 'Data return for this meeting' }));
    expect(opened).toEqual(['data-return']);
  });

  it('moves a case down with the keyboard and sends the whole new order', async () => {
    const { calls } = show(meeting());
    const down = await screen.findByRole('button', { name: 'Move down: Ottoline Quennell' });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Move up: Ottoline Quennell' }).disabled).toBe(true);
    down.focus();
    await userEvent.keyboard('{Enter}');
    expect(calls.filter((c) => c.channel === 'marac.meetings.orderAgenda').map((c) => c.input)).toEqual([
      { meetingId: MEETING_ID, itemIds: [id(102), id(101)] },
    ]);
    expect(await screen.findByText('Agenda order saved.')).toBeTruthy();
  });

  it('adds an attendee chosen by agency and name', async () => {
    const { calls } = show(meeting());
    const select = await screen.findByLabelText('Attendee');
    await screen.findByRole('option', { name: 'Sara Khan (Riverton Homes Association)' });
    await userEvent.selectOptions(select, id(11));
    await userEvent.click(screen.getByRole('button', { name: 'Add attendee' }));
    expect(calls.filter((c) => c.channel === 'marac.meetings.addAttendee').map((c) => c.input)).toEqual([{ meetingId: MEETING_ID, userId: id(11) }]);
  });

  it('offers an attendee the acknowledgement and no coordinator controls', async () => {
    show(meeting({ abilities: { run: false, addResearch: true, acknowledge: true } }));
    expect(await screen.findByRole('button', { name: 'I acknowledge the confidentiality of this meeting' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Move down: / })).toBeNull();
    expect(screen.queryByRole('button', { name: /Generate pack/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add attendee' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Data return for this meeting' })).toBeNull();
    expect(screen.getAllByRole('group', { name: 'Your agency’s research: fact or opinion?' })).toHaveLength(2);
  });
});
