import { describe, expect, it } from 'vitest';
import type { AgendaItem, MeetingRecord } from '../entities/marac-meeting.ts';
import { applyMeetingChange, withoutCases, withWaitingChanges, type MeetingLocalChange } from './meeting-local-changes.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const item = (n: number): AgendaItem => ({
  id: id(100 + n), position: n, caseId: id(200 + n), caseReference: `SYN-${String(n)}`, referralId: id(300 + n), victimName: `Victim ${String(n)}`,
  referringAgency: { id: id(5), name: 'Synthetic IDVA' }, referredOn: '2026-12-01', score: 15, band: 'high', repeat: false, emergency: false,
  carriedForward: false, research: [], minutes: 'Earlier.', actions: [],
});
const record: MeetingRecord = {
  id: id(1), maracArea: { id: id(2), name: 'Synthetic MARAC' }, coordinatorAgency: { id: id(3), name: 'Synthetic Council' }, date: '2026-12-10',
  chair: 'Chair', coordinator: { id: id(4), displayName: 'Coordinator' }, agenda: [item(1), item(2)], hiddenItems: 0, attendees: [],
  abilities: { run: true, addResearch: true, acknowledge: false },
};
const names = (agency: string) => (agency === id(3) ? 'Synthetic Council' : undefined);
const action: MeetingLocalChange = {
  name: 'marac_meeting.addAction',
  args: { meetingId: id(1), taskId: id(900), agendaItemId: id(101), title: 'Call', description: 'Done when called.', ownerAgencyId: id(3), dueDate: '2026-12-20' },
};

describe('meeting changes recorded on this computer', () => {
  it('sets minutes (empty text clears them) and adds an action once, open, under its task id', () => {
    const minuted = applyMeetingChange(record, { name: 'marac_meeting.setMinutes', args: { meetingId: id(1), agendaItemId: id(102), text: 'Agreed.' } }, names);
    expect(minuted.agenda.map((i) => i.minutes)).toEqual(['Earlier.', 'Agreed.']);
    const cleared = applyMeetingChange(record, { name: 'marac_meeting.setMinutes', args: { meetingId: id(1), agendaItemId: id(101), text: '' } }, names);
    expect(cleared.agenda[0]?.minutes).toBeNull();
    const twice = applyMeetingChange(applyMeetingChange(record, action, names), action, names);
    expect(twice.agenda[0]?.actions.map((a) => [a.taskId, a.ownerAgency.name, a.status, a.meetingDate, a.caseId])).toEqual([[id(900), 'Synthetic Council', 'open', '2026-12-10', id(201)]]);
  });

  it('leaves the meeting as it is for another meeting or an agenda case it does not hold', () => {
    expect(applyMeetingChange(record, { ...action, args: { ...action.args, meetingId: id(7) } }, names)).toBe(record);
    expect(applyMeetingChange(record, { ...action, args: { ...action.args, agendaItemId: id(199) } }, names)).toBe(record);
    expect(withWaitingChanges(record, [{ ...action, args: { ...action.args, agendaItemId: id(199) } }], names).waiting).toEqual({ minutes: [], actions: [] });
  });

  it('marks every applied change as waiting, and drops removed cases counting them as hidden', () => {
    const { record: shown, waiting } = withWaitingChanges(record, [action, { name: 'marac_meeting.setMinutes', args: { meetingId: id(1), agendaItemId: id(101), text: 'x' } }], names);
    expect(waiting).toEqual({ minutes: [id(101)], actions: [id(900)] });
    expect(shown.agenda[0]?.minutes).toBe('x');
    expect(withoutCases(record, new Set([id(999)]))).toBeNull();
    expect(withoutCases(record, new Set([id(201)]))).toMatchObject({ hiddenItems: 1, agenda: [{ id: id(102) }] });
  });
});
