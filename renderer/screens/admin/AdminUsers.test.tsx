// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../../../domain/entities.ts';
import type { AdminUser } from '../../../domain/http/user-admin-routes.ts';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { AdminUsers } from './AdminUsers.tsx';

const id = (n: number) => `0b6a3c1e-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ADMIN: SessionUser = { id: id(1), username: 'mark.evans', displayName: 'Mark Evans', role: 'agency_admin', agencyId: id(2), agencyName: 'Riverton Homes Association', teamIds: [] };
const user = (n: number, overrides: Partial<AdminUser> = {}): AdminUser => ({
  id: id(n), agencyId: id(2), username: `user.${n}`, displayName: `User ${n}`, role: 'practitioner', teamIds: [id(9)], disabled: false,
  mustChangePassword: false, totpEnabled: false, createdAt: '2026-12-01T09:00:00.000Z', ...overrides,
});
const TEAMS = { ok: true, value: { teams: [{ id: id(9), agencyId: id(2), name: 'Tenancy Enforcement', memberCount: 1 }] } };

afterEach(cleanup);

function show(answers: Parameters<typeof recordingDesktopApi>[0]) {
  const recording = recordingDesktopApi({ 'admin.teams.list': () => TEAMS, ...answers });
  renderWithProviders(<AdminUsers admin={ADMIN} onBack={vi.fn()} onOpen={vi.fn()} />, { api: recording.api });
  return recording;
}

describe('the Users administration screen', () => {
  it('lists the accounts with role, teams and state in words, and offers no Disable on the admin\'s own row', async () => {
    show({ 'admin.users.list': () => ({ ok: true, value: { users: [user(1, { displayName: 'Mark Evans', role: 'agency_admin', teamIds: [] }), user(3, { mustChangePassword: true })] } }) });
    const table = await screen.findByRole('table');
    const own = within(table).getByRole('row', { name: /Mark Evans/ });
    expect(own.textContent).toContain('Agency administrator');
    expect(within(own).queryByRole('button', { name: 'Disable: Mark Evans' })).toBeNull();
    const other = within(table).getByRole('row', { name: /User 3/ });
    expect(other.textContent).toContain('Tenancy Enforcement');
    expect(other.textContent).toContain('Active: must choose a new password');
    expect(within(other).getByRole('button', { name: 'Disable: User 3' })).toBeTruthy();
  });

  it('never offers a role above the admin\'s own, and shows a generated temporary password once after creating', async () => {
    const recording = show({
      'admin.users.list': () => ({ ok: true, value: { users: [] } }),
      'admin.users.create': () => ({ ok: true, value: { user: user(4, { displayName: 'Jo Newstart', mustChangePassword: true }), temporaryPassword: 'abcde-fghjk-mnpqr-stuvw' } }),
    });
    const form = await screen.findByRole('form', { name: 'Create a user' });
    const roles = within(form).getAllByRole('option').map((o) => o.textContent);
    expect(roles).toContain('Agency administrator');
    expect(roles).not.toContain('System administrator');
    await userEvent.type(within(form).getByLabelText('Full name'), 'Jo Newstart');
    await userEvent.type(within(form).getByLabelText('Username'), 'jo.newstart');
    await userEvent.click(within(form).getByLabelText('Tenancy Enforcement'));
    await userEvent.click(within(form).getByRole('button', { name: 'Create user' }));
    expect((await screen.findByTestId('temporary-password')).textContent).toBe('abcde-fghjk-mnpqr-stuvw');
    expect(recording.calls.find((c) => c.channel === 'admin.users.create')!.input).toEqual({
      username: 'jo.newstart', displayName: 'Jo Newstart', role: 'practitioner', teamIds: [id(9)],
    });
  });

  it("shows the server's refusal and the core's offline answer in their own words", async () => {
    show({
      'admin.users.list': () => ({ ok: true, value: { users: [user(3)] } }),
      'admin.users.disable': () => ({ ok: false, error: { code: 'network_error', message: 'Administration needs a connection to the server: try again when this computer is connected.' } }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Disable: User 3' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Administration needs a connection to the server: try again when this computer is connected.'));
  });
});
