// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgendaItem } from '../../../domain/entities/marac-meeting.ts';
import type { MeetingView } from '../../../domain/ipc/marac-meeting-channels.ts';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { formatDateTime } from '../../words/format-date-time.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { Meeting } from './Meeting.tsx';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const MEETING_ID = id(1);

const item = (n: number, name: string, overrides: Partial<AgendaItem> = {}): AgendaItem => ({
  id: id(100 + n), position: n, caseId: id(200 + n), caseReference: `HVS-2026-0000${String(n)}`, referralId: id(300 + n), victimName: name,
  referringAgency: { id: id(5), name: 'Haven Victim Support' }, referredOn: '2026-12-01', score: 15, band: 'high', repeat: false,
  emergency: false, carriedForward: false, research: [], minutes: null, actions: [], ...overrides,
});

function meeting(overrides: Partial<MeetingView> = {}): MeetingView {
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
    copy: { takenAt: null, fromCopy: false, waitingToSync: { minutes: [], actions: [] } },
    ...overrides,
  };
}

type Answer = (input: unknown) => unknown;

function show(view: MeetingView, more: { orderAgenda?: Answer; pack?: Answer } = {}) {
  const recording = recordingDesktopApi({
    'marac.meetings.get': () => ({ ok: true, value: view }),
    'marac.meetings.orderAgenda': more.orderAgenda ?? (() => ({ ok: true, value: view })),
    'marac.meetings.pack': more.pack ?? (() => new Promise(() => undefined)),
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

const saved: string[] = [];
const grab = (event: Event) => {
  const link = event.target as HTMLAnchorElement;
  if (link.tagName === 'A') {
    event.preventDefault();
    saved.push(link.download);
  }
};

beforeEach(() => {
  saved.length = 0;
  // jsdom has no Blob URLs; a stand-in is enough to follow the saves.
  URL.createObjectURL = () => 'blob:test';
  URL.revokeObjectURL = () => undefined;
  document.addEventListener('click', grab, true);
});
afterEach(() => {
  document.removeEventListener('click', grab, true);
  cleanup();
});

const attendee = (n: number, name: string, agency: string, acknowledgedAt: string | null) => ({
  id: id(500 + n), userId: id(600 + n), name, agency: { id: id(700 + n), name: agency }, acknowledgedAt,
});

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

  it('shows a reorder at once, keeps it when saved and puts the server order back when refused', async () => {
    let refuse: (answer: unknown) => void = () => undefined;
    const { calls } = show(meeting(), { orderAgenda: () => new Promise((resolve) => { refuse = resolve; }) });
    const headings = () => screen.getAllByTestId('agenda-item').map((i) => within(i).getByRole('heading', { level: 3 }).textContent);
    await userEvent.click(await screen.findByRole('button', { name: 'Move down: Ottoline Quennell' }));
    expect(calls.filter((c) => c.channel === 'marac.meetings.orderAgenda')).toHaveLength(1);
    expect(headings()).toEqual(['1. Perpetua Synthwood · HVS-2026-00002', '2. Ottoline Quennell · HVS-2026-00001']);
    refuse({ ok: false, error: { code: 'validation_error', message: 'Invalid body at itemIds: the agenda changed meanwhile.' } });
    expect((await screen.findByRole('alert')).textContent).toBe('Invalid body at itemIds: the agenda changed meanwhile.');
    expect(headings()).toEqual(['1. Ottoline Quennell · HVS-2026-00001', '2. Perpetua Synthwood · HVS-2026-00002']);
    expect(screen.queryByText('Agenda order saved.')).toBeNull();
  });

  it('gives whoever runs the meeting a keyboard-operable drag handle per case, and nobody else', async () => {
    show(meeting());
    const handle = await screen.findByRole('button', { name: 'Drag to reorder: Perpetua Synthwood' });
    expect(handle.getAttribute('aria-roledescription')).toBe('sortable');
    const help = document.getElementById(handle.getAttribute('aria-describedby') ?? '');
    expect(help?.textContent).toContain('press Space');
    cleanup();
    show(meeting({ abilities: { run: false, addResearch: true, acknowledge: true } }));
    await screen.findByRole('heading', { level: 1, name: 'MARAC meeting, 10 Dec 2026' });
    expect(screen.queryByTestId('agenda-drag-handle')).toBeNull();
  });

  it('generates a pack for every acknowledged attendee, saves each and says what was and was not made', async () => {
    const attendees = [
      attendee(1, 'Tormar Kasel', 'Riverton Police', '2026-12-03T09:00:00.000Z'),
      attendee(2, 'Sara Khan', 'Riverton Homes Association', null),
      attendee(3, 'Ifan Rhys', 'Riverton Health', '2026-12-03T10:00:00.000Z'),
      attendee(4, 'Mona Vale', 'Riverton Probation', '2026-12-03T11:00:00.000Z'),
    ];
    const { calls } = show(meeting({ attendees }), {
      pack: (input) => {
        const { attendeeId } = input as { attendeeId: string };
        const who = attendees.find((a) => a.id === attendeeId)!;
        if (who.name === 'Mona Vale') {
          return { ok: false, error: { code: 'network_error', message: 'offline' } };
        }
        return {
          ok: true,
          value: { fileName: `marac-pack-${who.name.split(' ')[0]!.toLowerCase()}.pdf`, recipient: { userId: who.userId, name: who.name, agencyName: who.agency.name }, sha256: 'a'.repeat(64), pages: who.name === 'Ifan Rhys' ? 1 : 12, pdfBase64: 'JVBERi0=' },
        };
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Generate packs for all attendees' }));
    const outcome = screen.getByTestId('all-packs-outcome');
    expect(await within(outcome).findByText(/^Saved 2 copies of the pack for 4 attendees\./)).toBeTruthy();
    expect(calls.filter((c) => c.channel === 'marac.meetings.pack').map((c) => c.input)).toEqual([
      { meetingId: MEETING_ID, attendeeId: id(501) }, { meetingId: MEETING_ID, attendeeId: id(503) }, { meetingId: MEETING_ID, attendeeId: id(504) },
    ]);
    expect(saved).toEqual(['marac-pack-tormar.pdf', 'marac-pack-ifan.pdf']);
    expect(within(outcome).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Tormar Kasel (Riverton Police): saved marac-pack-tormar.pdf, 12 pages.',
      'Sara Khan (Riverton Homes Association): no copy, has not acknowledged confidentiality.',
      'Ifan Rhys (Riverton Health): saved marac-pack-ifan.pdf, 1 page.',
      expect.stringMatching(/^Mona Vale \(Riverton Probation\): no copy, .+/),
    ]);
  });

  it('offers no all-attendees pack until someone has acknowledged confidentiality', async () => {
    show(meeting({ attendees: [attendee(2, 'Sara Khan', 'Riverton Homes Association', null)] }));
    expect(await screen.findByText('No attendee has acknowledged confidentiality yet: a pack is released only to those who have.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Generate packs for all attendees' })).toBeNull();
  });
});

describe('the MARAC meeting screen with no network', () => {
  const TAKEN = '2026-12-09T18:30:00.000Z';
  const offlineCopy = (): MeetingView => meeting({ copy: { takenAt: TAKEN, fromCopy: true, waitingToSync: { minutes: [], actions: [] } } });
  const open = (view: MeetingView, answers: Partial<Record<'marac.meetings.setMinutes' | 'marac.meetings.takeOffline', Answer>> = {}) => {
    const recording = recordingDesktopApi({
      'marac.meetings.get': () => ({ ok: true, value: view }),
      'changes.submit': () => ({ ok: true, value: { mutationId: 1 } }),
      'marac.referrals.list': () => ({ ok: true, value: { referrals: [] } }),
      'marac.meetings.attendeeCandidates': () => ({ ok: true, value: { agencies: [] } }),
      ...answers,
    });
    renderWithProviders(<Meeting meetingId={MEETING_ID} onBack={() => undefined} />, { api: recording.api });
    return recording;
  };

  it('opens from the offline copy, says when it was taken, and offers nothing that needs the server', async () => {
    open(offlineCopy());
    expect(await screen.findByText(/Offline copy taken at/)).toBeTruthy();
    expect(screen.getByText(/Offline copy taken at/).textContent).toContain(formatDateTime(TAKEN));
    expect(screen.queryByRole('button', { name: /Move down: / })).toBeNull();
    expect(screen.queryByRole('button', { name: /Generate pack/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add attendee' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add research' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Take this meeting offline' })).toBeNull();
    // The coordinator still minutes and actions every case.
    expect(screen.getAllByRole('button', { name: 'Save the minutes' })).toHaveLength(2);
    expect(screen.getAllByRole('button', { name: 'Add the action' })).toHaveLength(2);
  });

  it('keeps minutes and an action on this computer, shows them at once and marks them waiting to sync', async () => {
    const { calls } = open(offlineCopy());
    const minutes = await screen.findByRole('form', { name: 'Minutes for Ottoline Quennell' });
    await userEvent.type(within(minutes).getByLabelText('Minutes'), 'Agreed a housing review.');
    await userEvent.click(within(minutes).getByRole('button', { name: 'Save the minutes' }));
    expect(await within(minutes).findByText('Minutes kept on this computer: they are sent to the server when it is connected.')).toBeTruthy();
    expect(screen.getByText('These minutes are waiting to sync.')).toBeTruthy();

    const action = screen.getByRole('form', { name: 'Add an action on Ottoline Quennell' });
    await userEvent.type(within(action).getByLabelText('Action (specific)'), 'Council to review housing');
    await userEvent.type(within(action).getByLabelText('How everyone will know it is done'), 'Done when the review is recorded.');
    await userEvent.type(within(action).getByLabelText('Due date'), '2026-12-20');
    await userEvent.click(within(action).getByRole('button', { name: 'Add the action' }));
    expect(await within(action).findByText('Action kept on this computer: it is sent to the server when it is connected.')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Actions on Ottoline Quennell' });
    expect(within(table).getByRole('row', { name: /Council to review housing/ }).textContent).toContain('waiting to sync');
    expect(screen.getByText('2 changes are waiting to sync.')).toBeTruthy();

    const submitted = calls.filter((c) => c.channel === 'changes.submit').map((c) => c.input as { name: string; args: Record<string, unknown> });
    expect(submitted.map((s) => s.name)).toEqual(['marac_meeting.setMinutes', 'marac_meeting.addAction']);
    expect(submitted[0]?.args).toEqual({ meetingId: MEETING_ID, agendaItemId: id(101), text: 'Agreed a housing review.' });
    expect(submitted[1]?.args).toMatchObject({
      meetingId: MEETING_ID, agendaItemId: id(101), title: 'Council to review housing', ownerAgencyId: id(3), dueDate: '2026-12-20', taskId: expect.any(String) as string,
    });
    expect(calls.some((c) => c.channel === 'marac.meetings.setMinutes' || c.channel === 'marac.meetings.addAction')).toBe(false);
  });

  it('online, keeps the minutes on this computer when the server cannot be reached', async () => {
    const { calls } = open(meeting(), { 'marac.meetings.setMinutes': () => ({ ok: false, error: { code: 'network_error', message: 'Casebridge cannot connect.' } }) });
    const minutes = await screen.findByRole('form', { name: 'Minutes for Perpetua Synthwood' });
    await userEvent.type(within(minutes).getByLabelText('Minutes'), 'Emergency plan agreed.');
    await userEvent.click(within(minutes).getByRole('button', { name: 'Save the minutes' }));
    expect(await within(minutes).findByText('Minutes kept on this computer: they are sent to the server when it is connected.')).toBeTruthy();
    expect(calls.filter((c) => c.channel === 'marac.meetings.setMinutes' || c.channel === 'changes.submit').map((c) => c.channel))
      .toEqual(['marac.meetings.setMinutes', 'changes.submit']);
  });

  it('lets the coordinator take the meeting offline and says when the copy was taken', async () => {
    const taken: MeetingView = { ...meeting(), copy: { takenAt: TAKEN, fromCopy: false, waitingToSync: { minutes: [], actions: [] } } };
    const { calls } = open(meeting(), { 'marac.meetings.takeOffline': () => ({ ok: true, value: taken }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Take this meeting offline' }));
    expect(await screen.findByText(`Offline copy taken at ${formatDateTime(TAKEN)}. It is brought up to date each time the meeting is opened with a connection.`)).toBeTruthy();
    expect(calls.filter((c) => c.channel === 'marac.meetings.takeOffline').map((c) => c.input)).toEqual([{ meetingId: MEETING_ID }]);
    expect(screen.getByRole('button', { name: 'Refresh the offline copy' })).toBeTruthy();
  });

  it('offers an attendee no copy to take', async () => {
    open(meeting({ abilities: { run: false, addResearch: true, acknowledge: false } }));
    expect(await screen.findByRole('heading', { level: 1, name: 'MARAC meeting, 10 Dec 2026' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Take this meeting offline' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Working with no network' })).toBeNull();
  });
});
