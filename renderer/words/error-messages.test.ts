import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../domain/errors.ts';
import { errorMessage, refusalMessage, sessionErrorMessage } from './error-messages.ts';

describe('errorMessage', () => {
  it('tells someone who mistyped their credentials exactly that', () => {
    expect(errorMessage('authentication_error')).toBe('Wrong username or password.');
  });

  it('has its own message for every error code in the contract', () => {
    const messages = ERROR_CODES.map(errorMessage);
    for (const message of messages) {
      expect(message).toMatch(/^[A-Z].*\.$/);
    }
    expect(new Set(messages).size).toBe(ERROR_CODES.length);
  });

  it('falls back to the generic message for a code this version does not know', () => {
    expect(errorMessage('brand_new_code')).toBe(errorMessage('internal_error'));
  });
});

describe('sessionErrorMessage', () => {
  it('shows the core\u2019s words when offline use has expired, not "wrong password"', () => {
    const expired = 'Offline use of this computer has expired. Connect to the network and sign in.';
    expect(sessionErrorMessage({ code: 'authentication_error', message: expired })).toBe(expired);
  });

  it('shows the core\u2019s words when the server cannot be reached and there is no offline copy yet', () => {
    const message = 'Casebridge cannot reach the server, and this computer has no offline copy it can open for this account. Connect to the network and sign in online once; after that you can sign in here offline.';
    expect(sessionErrorMessage({ code: 'network_error', message })).toBe(message);
  });

  it('uses the shared words for the other codes, whatever the message says', () => {
    expect(sessionErrorMessage({ code: 'rate_limited', message: 'Too many requests (429).' })).toBe(errorMessage('rate_limited'));
    expect(sessionErrorMessage({ code: 'internal_error', message: 'TypeError: x is undefined' })).toBe(errorMessage('internal_error'));
  });

  it('falls back to the code\u2019s words when the core gave no message', () => {
    expect(sessionErrorMessage({ code: 'authentication_error', message: '  ' })).toBe(errorMessage('authentication_error'));
  });
});

describe('refusalMessage', () => {
  const refused = { code: 'conflict' as const, message: 'A legal hold placed on 3 March 2026 is still in force.' };

  it('gives the own message for the codes the form names, the code\'s words for others, nothing when nothing was refused', () => {
    expect(refusalMessage(refused, ['conflict'])).toBe(refused.message);
    expect(refusalMessage(refused, ['not_found'])).toBe(errorMessage('conflict'));
    expect(refusalMessage(null, ['conflict'])).toBeNull();
  });
});
