// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../../../domain/entities.ts';
import type { AdminCaseType } from '../../../domain/entities/case-type.ts';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { AdminCaseTypes } from './AdminCaseTypes.tsx';

const id = (n: number) => `0b6a3c1e-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ADMIN: SessionUser = { id: id(1), username: 'nadia.brooks', displayName: 'Nadia Brooks', role: 'system_admin', agencyId: id(2), agencyName: 'Riverton City Council', teamIds: [] };
const ASB: AdminCaseType = { code: 'antisocial_behaviour', label: 'Antisocial behaviour', active: true, caseCount: 4 };
const MARAC: AdminCaseType = { code: 'domestic_abuse_marac', label: 'Domestic abuse (MARAC)', active: true, caseCount: 9 };
const HOARDING: AdminCaseType = { code: 'hoarding', label: 'Hoarding', active: false, caseCount: 1 };

afterEach(cleanup);

function render(update: (input: unknown) => unknown) {
  const recording = recordingDesktopApi({
    'admin.caseTypes.list': () => ({ ok: true, value: { caseTypes: [ASB, MARAC, HOARDING] } }),
    'admin.caseTypes.update': update,
  });
  renderWithProviders(<AdminCaseTypes admin={ADMIN} onBack={vi.fn()} onOpen={vi.fn()} />, { api: recording.api });
  return recording;
}

const updates = (recording: ReturnType<typeof render>) => recording.calls.filter((c) => c.channel === 'admin.caseTypes.update').map((c) => c.input);

describe('the case types screen', () => {
  it('renames a type in place and says so', async () => {
    const recording = render(() => ({ ok: true, value: { ...ASB, label: 'Anti-social behaviour' } }));
    await userEvent.click(await screen.findByRole('button', { name: 'Rename Antisocial behaviour' }));
    const field = screen.getByLabelText('New name for Antisocial behaviour');
    await userEvent.clear(field);
    await userEvent.type(field, 'Anti-social behaviour');
    await userEvent.click(screen.getByRole('button', { name: 'Save name' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Antisocial behaviour is now called Anti-social behaviour.'));
    expect(updates(recording)).toEqual([{ code: 'antisocial_behaviour', change: { label: 'Anti-social behaviour' } }]);
  });

  it('retires a type and brings a retired one back; the MARAC type offers no retire', async () => {
    const recording = render((input) => {
      const { code, change } = input as { code: string; change: { active: boolean } };
      const type = code === ASB.code ? ASB : HOARDING;
      return { ok: true, value: { ...type, active: change.active } };
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Retire Antisocial behaviour' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Antisocial behaviour is retired: it is no longer offered for new cases, and its cases keep it.'));
    await userEvent.click(screen.getByRole('button', { name: 'Bring back Hoarding' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Hoarding is offered for new cases again.'));
    expect(updates(recording)).toEqual([
      { code: 'antisocial_behaviour', change: { active: false } },
      { code: 'hoarding', change: { active: true } },
    ]);
    const maracRow = screen.getByRole('row', { name: /^Domestic abuse \(MARAC\)/ });
    expect(within(maracRow).queryByRole('button', { name: /^Retire/ })).toBeNull();
    expect(maracRow.textContent).toContain('MARAC referrals open this type, so it stays in use');
  });

  it("shows a refused rename in the server's words, in the row, and keeps the field open", async () => {
    render(() => ({ ok: false, error: { code: 'conflict', message: 'A case type called Hoarding already exists.' } }));
    await userEvent.click(await screen.findByRole('button', { name: 'Rename Antisocial behaviour' }));
    const field = screen.getByLabelText('New name for Antisocial behaviour');
    await userEvent.clear(field);
    await userEvent.type(field, 'Hoarding');
    await userEvent.click(screen.getByRole('button', { name: 'Save name' }));
    expect((await screen.findByRole('alert')).textContent).toContain('A case type called Hoarding already exists.');
    expect(screen.getByLabelText('New name for Antisocial behaviour')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
