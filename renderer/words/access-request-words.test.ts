import { describe, expect, it } from 'vitest';
import { accessDecisionErrorMessage, accessRequestErrorMessage } from './access-request-words.ts';
import { errorMessage } from './error-messages.ts';

describe('accessRequestErrorMessage', () => {
  it('words a pending duplicate and an unreachable server for a request, and keeps the general words otherwise', () => {
    expect(accessRequestErrorMessage({ code: 'conflict', message: 'x' })).toContain('already asked for access');
    expect(accessRequestErrorMessage({ code: 'network_error', message: 'x' })).toContain('needs a connection');
    expect(accessRequestErrorMessage({ code: 'rate_limited', message: 'x' })).toBe(errorMessage('rate_limited'));
  });
});

describe('accessDecisionErrorMessage', () => {
  it('says a request decided meanwhile was not decided again, and keeps the general words otherwise', () => {
    expect(accessDecisionErrorMessage({ code: 'conflict', message: 'x' })).toContain('your decision was not recorded');
    expect(accessDecisionErrorMessage({ code: 'authorization_error', message: 'x' })).toContain('never on their own request');
    expect(accessDecisionErrorMessage({ code: 'rate_limited', message: 'x' })).toBe(errorMessage('rate_limited'));
  });
});
