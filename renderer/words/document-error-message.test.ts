import { describe, expect, it } from 'vitest';
import { documentErrorMessage } from './document-error-message.ts';
import { errorMessage } from './error-messages.ts';

describe('documentErrorMessage', () => {
  it('says a document not downloaded yet needs the network, and that sync will fetch it', () => {
    const words = documentErrorMessage({ code: 'network_error', message: 'This document is not available offline yet.' });
    expect(words).toContain('not on this computer yet');
    expect(words).toContain('next sync');
  });

  it('says a document that left the offline copy may be removed or no longer shared', () => {
    expect(documentErrorMessage({ code: 'not_found', message: 'x' })).toContain('no longer in the offline copy');
  });

  it('uses the shared words for any other code, never the raw message', () => {
    expect(documentErrorMessage({ code: 'internal_error', message: 'Unsupported state or unable to authenticate data' })).toBe(errorMessage('internal_error'));
  });
});
