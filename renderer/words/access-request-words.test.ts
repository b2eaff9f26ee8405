import { describe, expect, it } from 'vitest';
import { accessRequestErrorMessage } from './access-request-words.ts';
import { errorMessage } from './error-messages.ts';

describe('accessRequestErrorMessage', () => {
  it('words a pending duplicate and an unreachable server for a request, and keeps the general words otherwise', () => {
    expect(accessRequestErrorMessage({ code: 'conflict', message: 'x' })).toContain('already asked for access');
    expect(accessRequestErrorMessage({ code: 'network_error', message: 'x' })).toContain('needs a connection');
    expect(accessRequestErrorMessage({ code: 'rate_limited', message: 'x' })).toBe(errorMessage('rate_limited'));
  });
});
