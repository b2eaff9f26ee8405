// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import type { ShownMarker } from './MarkerDialog.tsx';
import { MarkerWarnings } from './MarkerWarnings.tsx';

const CASE_ID = '01JD0000000000000000000001';
const PERSON_ID = '01JD0000000000000000000002';
const PLACE_ID = '01JD0000000000000000000003';
const MARKER_ID = '01JD0000000000000000000004';

const marker = (overrides: Partial<ShownMarker> = {}): ShownMarker => ({
  id: MARKER_ID, markerType: 'staff_safety', description: 'Dog at the door', subjectType: 'person', subjectId: PERSON_ID,
  subjectName: 'Ada Byron', ownerAgencyName: 'Northshire Police', reviewDate: '2027-01-10', expiresAt: null, editable: true, ...overrides,
});

const SUBJECTS = [
  { type: 'case' as const, id: CASE_ID, label: 'This case (ASB-1)' },
  { type: 'person' as const, id: PERSON_ID, label: 'Ada Byron' },
  { type: 'location' as const, id: PLACE_ID, label: '1 High Street, Riverton' },
];

function show(markers: ShownMarker[], placeOn = SUBJECTS) {
  const recording = recordingDesktopApi({ 'changes.submit': () => ({ ok: true, value: { mutationId: 3 } }) });
  renderWithProviders(<MarkerWarnings markers={markers} placeOn={placeOn} />, { api: recording.api });
  return recording;
}
const submitted = (calls: { channel: string; input: unknown }[]) => calls.filter((c) => c.channel === 'changes.submit').map((c) => c.input);

afterEach(cleanup);

describe('the warnings of a case or person', () => {
  it('places a warning on the chosen subject as a marker.create, saved on this computer', async () => {
    const { calls } = show([]);
    await userEvent.click(screen.getByRole('button', { name: 'Add a warning' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a warning' });
    await userEvent.selectOptions(within(dialog).getByLabelText('On'), '1 High Street, Riverton');
    await userEvent.selectOptions(within(dialog).getByLabelText('Type'), 'Weapons');
    await userEvent.type(within(dialog).getByLabelText('Description'), 'Shotgun licence');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save warning' }));
    expect(await screen.findByText('Warning saved on this computer. It is sent to the server at the next sync.')).toBeTruthy();
    const [change] = submitted(calls) as [{ name: string; args: Record<string, unknown> }];
    expect(change.name).toBe('marker.create');
    expect(change.args).toMatchObject({ subjectType: 'location', subjectId: PLACE_ID, markerType: 'weapons', description: 'Shotgun licence', expiresAt: null });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('refuses an empty description beside the field and sends nothing', async () => {
    const { calls } = show([]);
    await userEvent.click(screen.getByRole('button', { name: 'Add a warning' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save warning' }));
    const description = screen.getByLabelText('Description');
    expect(description.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(description.getAttribute('aria-describedby')!)?.textContent).toBe('This cannot be empty.');
    expect(submitted(calls)).toEqual([]);
  });

  it('offers edit, review and end only on the agency\'s own warnings', () => {
    show([marker(), marker({ id: '01JD0000000000000000000005', markerType: 'violence', editable: false, ownerAgencyName: 'Riverton City Council' })]);
    expect(screen.getAllByRole('button', { name: 'End now' })).toHaveLength(1);
    expect(screen.getByRole('group', { name: 'Staff safety warning actions' })).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Violence warning actions' })).toBeNull();
  });

  it('edits a warning with its current values', async () => {
    const { calls } = show([marker({ expiresAt: '2027-02-01T23:59:59.999Z' })]);
    await userEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit warning' });
    expect(within(dialog).getByText('On Ada Byron.')).toBeTruthy();
    const description = within(dialog).getByLabelText('Description');
    expect((description as HTMLTextAreaElement).value).toBe('Dog at the door');
    await userEvent.type(description, '; visit in pairs');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save warning' }));
    await screen.findByRole('status');
    expect(submitted(calls)).toEqual([{
      name: 'marker.update',
      args: { markerId: MARKER_ID, markerType: 'staff_safety', description: 'Dog at the door; visit in pairs', reviewDate: '2027-01-10', expiresAt: '2027-02-01T23:59:59.999Z' },
    }]);
  });

  it('marks a warning reviewed with a next review date', async () => {
    const { calls } = show([marker()]);
    await userEvent.click(screen.getByRole('button', { name: 'Mark reviewed' }));
    const dialog = screen.getByRole('dialog', { name: 'Mark warning reviewed' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Mark reviewed' }));
    await screen.findByRole('status');
    const [change] = submitted(calls) as [{ name: string; args: { markerId: string; reviewDate: string } }];
    expect(change.name).toBe('marker.update');
    expect(Object.keys(change.args).sort()).toEqual(['markerId', 'reviewDate']);
    expect(change.args.reviewDate > new Date().toISOString().slice(0, 10)).toBe(true);
  });

  it('asks before ending a warning; "Keep it" sends nothing, "End warning" ends it now', async () => {
    const { calls } = show([marker()]);
    await userEvent.click(screen.getByRole('button', { name: 'End now' }));
    await userEvent.click(within(screen.getByRole('alertdialog', { name: 'End this warning now?' })).getByRole('button', { name: 'Keep it' }));
    expect(submitted(calls)).toEqual([]);
    const before = Date.now();
    await userEvent.click(screen.getByRole('button', { name: 'End now' }));
    await userEvent.click(within(screen.getByRole('alertdialog', { name: 'End this warning now?' })).getByRole('button', { name: 'End warning' }));
    await screen.findByRole('status');
    const [change] = submitted(calls) as [{ name: string; args: { markerId: string; expiresAt: string } }];
    expect(change).toMatchObject({ name: 'marker.update', args: { markerId: MARKER_ID } });
    expect(Date.parse(change.args.expiresAt)).toBeGreaterThanOrEqual(before);
  });

  it('offers no "Add a warning" where nothing may be placed', () => {
    show([marker({ editable: false })], []);
    expect(screen.queryByRole('button', { name: 'Add a warning' })).toBeNull();
  });
});
