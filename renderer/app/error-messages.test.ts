import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../domain/errors.ts';
import { errorMessage } from './error-messages.ts';

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
