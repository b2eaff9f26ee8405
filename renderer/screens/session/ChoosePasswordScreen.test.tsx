// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { SignInScreen } from './SignInScreen.tsx';

const USER = { id: '1a0b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', username: 'fresh.starter', displayName: 'Fresh Starter', role: 'practitioner', agencyId: '2a0b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', agencyName: 'Housing', teamIds: [] };

afterEach(cleanup);

function show(changeAnswer: () => unknown = () => ({ ok: true, value: USER })) {
  const recording = recordingDesktopApi({
    'session.signIn': () => ({ ok: false, error: { code: 'password_change_required', message: 'An administrator set your password: choose a new one to continue.' } }),
    'session.changePassword': changeAnswer,
  });
  const onSignedIn = vi.fn();
  renderWithProviders(<SignInScreen onSignedIn={onSignedIn} />, { api: recording.api });
  return { ...recording, onSignedIn };
}

async function signInWithTemporary() {
  await userEvent.type(screen.getByLabelText('Username'), 'fresh.starter');
  await userEvent.type(screen.getByLabelText('Password'), 'temp-pass-1234');
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  return screen.findByRole('heading', { name: 'Choose a new password' });
}

describe('the forced password change at sign-in', () => {
  it('asks for a new password twice, refuses a mismatch without calling the core, then sets it and signs in', async () => {
    const { calls, onSignedIn } = show();
    await signInWithTemporary();
    await userEvent.type(screen.getByLabelText('New password'), 'my own long passphrase');
    await userEvent.type(screen.getByLabelText('Type the new password again'), 'my own long passphrasX');
    await userEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    expect(screen.getByRole('alert').textContent).toBe('The two passwords do not match. Type the same new password twice.');
    expect(calls.filter((c) => c.channel === 'session.changePassword')).toEqual([]);

    await userEvent.clear(screen.getByLabelText('Type the new password again'));
    await userEvent.type(screen.getByLabelText('Type the new password again'), 'my own long passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(calls.find((c) => c.channel === 'session.changePassword')!.input).toEqual({ username: 'fresh.starter', password: 'temp-pass-1234', newPassword: 'my own long passphrase' });
  });

  it("shows the core's refusal in words and goes back to sign-in on request", async () => {
    show(() => ({ ok: false, error: { code: 'network_error', message: 'Choosing a new password needs a connection to the server: try again when this computer is connected.' } }));
    await signInWithTemporary();
    await userEvent.type(screen.getByLabelText('New password'), 'my own long passphrase');
    await userEvent.type(screen.getByLabelText('Type the new password again'), 'my own long passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('needs a connection');
    await userEvent.click(screen.getByRole('button', { name: 'Back to sign-in' }));
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Password').value).toBe('');
  });
});
