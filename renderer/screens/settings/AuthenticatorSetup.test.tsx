// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { AuthenticatorSetup } from './AuthenticatorSetup.tsx';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

afterEach(cleanup);

function show(enrol: () => unknown) {
  const recording = recordingDesktopApi({
    'account.totpEnrol': enrol,
    'account.totpConfirm': (input) => ((input as { code: string }).code === '123456'
      ? { ok: true, value: null }
      : { ok: false, error: { code: 'validation_error', message: 'That code is not right; check the time on your phone and try the current code.' } }),
  });
  renderWithProviders(<AuthenticatorSetup />, { api: recording.api });
  return recording;
}

describe('setting up an authenticator app from Settings', () => {
  it('shows the QR code and key, refuses a wrong code in the server words, and turns it on with the right one', async () => {
    const { calls } = show(() => ({ ok: true, value: { secret: SECRET, otpauthUri: `otpauth://totp/Casebridge:me?secret=${SECRET}` } }));
    await userEvent.click(screen.getByRole('button', { name: 'Set up an authenticator app' }));
    expect(await screen.findByRole('img', { name: 'QR code for setting up your authenticator app' })).toBeTruthy();
    expect(screen.getByTestId('totp-secret').textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    const input = screen.getByLabelText('Enter the 6-digit code from your authenticator app');
    await userEvent.type(input, '654321');
    await userEvent.click(screen.getByRole('button', { name: 'Turn on' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That code is not right; check the time on your phone and try the current code.');
    await userEvent.type(input, '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Turn on' }));
    expect((await screen.findByRole('status')).textContent).toContain('Your authenticator app is set up.');
    expect(screen.queryByTestId('totp-secret')).toBeNull();
    expect(calls.filter((c) => c.channel === 'account.totpConfirm').map((c) => c.input)).toEqual([{ code: '654321' }, { code: '123456' }]);
  });

  it('says so when an app is already set up', async () => {
    show(() => ({ ok: false, error: { code: 'conflict', message: 'A second factor is already set up.' } }));
    await userEvent.click(screen.getByRole('button', { name: 'Set up an authenticator app' }));
    expect((await screen.findByRole('alert')).textContent).toBe('A second factor is already set up.');
  });
});
