// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { SignInScreen } from './SignInScreen.tsx';

const USER = { id: '1a0b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', username: 'strict.user', displayName: 'Strict User', role: 'practitioner', agencyId: '2a0b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', agencyName: 'Police', teamIds: [] };
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

afterEach(cleanup);

function show(signIn: (input: { totpCode?: string }) => unknown, changePassword?: () => unknown) {
  const recording = recordingDesktopApi({
    ...(changePassword ? { 'session.changePassword': changePassword } : {}),
    'session.signIn': (input) => signIn(input as { totpCode?: string }),
    'session.totpSetup': () => ({ ok: true, value: { secret: SECRET, otpauthUri: `otpauth://totp/Casebridge:strict.user?secret=${SECRET}&issuer=Casebridge`, setupToken: 't'.repeat(43) } }),
  });
  const onSignedIn = vi.fn();
  renderWithProviders(<SignInScreen onSignedIn={onSignedIn} />, { api: recording.api });
  return { ...recording, onSignedIn };
}

async function password() {
  await userEvent.type(screen.getByLabelText('Username'), 'strict.user');
  await userEvent.type(screen.getByLabelText('Password'), 'strict-pass-1');
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('the second sign-in step', () => {
  it('asks for the code, refuses a wrong one with clear words, then signs in with the right one', async () => {
    const { calls, onSignedIn } = show(({ totpCode }) => {
      if (totpCode === undefined) {
        return { ok: false, error: { code: 'totp_required', message: 'Enter the six-digit code from your authenticator app.' } };
      }
      return totpCode === '123456' ? { ok: true, value: USER } : { ok: false, error: { code: 'authentication_error', message: 'Wrong verification code.' } };
    });
    await password();
    const input = await screen.findByLabelText('Enter the 6-digit code from your authenticator app');
    expect(input.getAttribute('autocomplete')).toBe('one-time-code');
    expect(input.getAttribute('inputmode')).toBe('numeric');
    await userEvent.type(input, '12a');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('alert').textContent).toBe('Enter the 6 digits shown in your authenticator app, with no spaces.');
    await userEvent.clear(input);
    await userEvent.type(input, '654321');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That code is wrong or has been used already. Wait for the next code in your authenticator app and enter it.');
    await userEvent.type(input, '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(calls.filter((c) => c.channel === 'session.signIn').map((c) => c.input)).toEqual([
      { username: 'strict.user', password: 'strict-pass-1' },
      { username: 'strict.user', password: 'strict-pass-1', totpCode: '654321' },
      { username: 'strict.user', password: 'strict-pass-1', totpCode: '123456' },
    ]);
  });

  it('shows the QR code and the key when the agency requires an app not yet set up, and the code confirms it', async () => {
    const { onSignedIn, calls } = show(({ totpCode }) => (totpCode === '222222'
      ? { ok: true, value: USER }
      : { ok: false, error: { code: 'totp_enrolment_required', message: 'Your agency requires a second sign-in step.' } }));
    await password();
    expect(await screen.findByRole('heading', { name: 'Set up an authenticator app' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'QR code for setting up your authenticator app' })).toBeTruthy();
    expect(screen.getByTestId('totp-secret').textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    await userEvent.type(screen.getByLabelText('Enter the 6-digit code from your authenticator app'), '222222');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(calls.filter((c) => c.channel === 'session.totpSetup').map((c) => c.input)).toEqual([{ username: 'strict.user', password: 'strict-pass-1' }]);
  });

  it('words a lockout', async () => {
    show(({ totpCode }) => (totpCode === undefined
      ? { ok: false, error: { code: 'totp_required', message: 'Enter the code.' } }
      : { ok: false, error: { code: 'account_locked', message: 'Too many failed sign-ins.' } }));
    await password();
    await userEvent.type(await screen.findByLabelText('Enter the 6-digit code from your authenticator app'), '333333');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByRole('alert')).textContent).toContain('this account is locked for 15 minutes');
  });

  it('changes a password an administrator set with the code, then asks for the next code with the new password', async () => {
    const { calls, onSignedIn } = show(({ totpCode }) => {
      if (totpCode === undefined) {
        return { ok: false, error: { code: 'totp_required', message: 'Enter the code.' } };
      }
      return totpCode === '444444'
        ? { ok: false, error: { code: 'password_change_required', message: 'An administrator set your password: choose a new one to continue.' } }
        : { ok: true, value: USER };
    }, () => ({ ok: false, error: { code: 'totp_required', message: 'Enter the six-digit code from your authenticator app.' } }));
    await password();
    await userEvent.type(await screen.findByLabelText('Enter the 6-digit code from your authenticator app'), '444444');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { name: 'Choose a new password' });
    await userEvent.type(screen.getByLabelText('New password'), 'my own long passphrase');
    await userEvent.type(screen.getByLabelText('Type the new password again'), 'my own long passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    expect(await screen.findByText(/Your new password is set\. Wait for the next code/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Enter the 6-digit code from your authenticator app'), '555555');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(calls.find((c) => c.channel === 'session.changePassword')?.input).toEqual({
      username: 'strict.user', password: 'strict-pass-1', newPassword: 'my own long passphrase', totpCode: '444444',
    });
    expect(calls.filter((c) => c.channel === 'session.signIn').at(-1)?.input).toEqual({ username: 'strict.user', password: 'my own long passphrase', totpCode: '555555' });
  });
});
