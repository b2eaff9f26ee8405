import { describe, expect, it } from 'vitest';
import { SignedOutReasonSchema } from '../../domain/ipc/session-state.ts';
import { errorMessage } from './error-messages.ts';
import { signedOutNotice } from './signed-out-notice.ts';

describe('signedOutNotice', () => {
  it('tells a user whose session the server ended to sign in again', () => {
    expect(signedOutNotice('session_ended')).toBe('The server ended your session. Sign in again.');
  });

  it('tells a user of a revoked computer that its data was wiped', () => {
    expect(signedOutNotice('device_revoked')).toBe(errorMessage('device_revoked'));
  });

  it('has its own sentence for every reason in the contract', () => {
    const notices = SignedOutReasonSchema.options.map(signedOutNotice);
    for (const notice of notices) {
      expect(notice).toMatch(/^[A-Z].*\.$/);
    }
    expect(new Set(notices).size).toBe(SignedOutReasonSchema.options.length);
  });

  it('says nothing when the user signed out themselves', () => {
    expect(signedOutNotice(undefined)).toBeNull();
  });
});
