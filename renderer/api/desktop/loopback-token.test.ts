import { describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY, type TokenSources, takeLoopbackToken, tokenFromHash } from './loopback-token.ts';

function fakeSources(hash: string, stored: Record<string, string> = {}) {
  const urls: string[] = [];
  const sources: TokenSources = {
    location: { hash, pathname: '/', search: '' },
    history: { state: null, replaceState: (_state, _unused, url) => void urls.push(String(url)) },
    storage: () => ({
      getItem: (key) => stored[key] ?? null,
      setItem: (key, value) => {
        stored[key] = value;
      },
    }),
  };
  return { sources, urls, stored };
}

describe('tokenFromHash', () => {
  it('takes the token and keeps the rest of the fragment', () => {
    expect(tokenFromHash('#token=abc123&view=queue')).toEqual({ token: 'abc123', rest: 'view=queue' });
  });

  it('finds no token in an empty fragment or an empty value', () => {
    expect(tokenFromHash('').token).toBeNull();
    expect(tokenFromHash('#token=').token).toBeNull();
  });
});

describe('takeLoopbackToken', () => {
  it('stores the token from the URL and removes it from the visible URL', () => {
    const { sources, urls, stored } = fakeSources('#token=s3cret');
    expect(takeLoopbackToken(sources)).toBe('s3cret');
    expect(stored[TOKEN_STORAGE_KEY]).toBe('s3cret');
    expect(urls).toEqual(['/']);
  });

  it('reads the stored token after a reload, when the URL no longer has it', () => {
    const { sources, urls } = fakeSources('', { [TOKEN_STORAGE_KEY]: 'kept' });
    expect(takeLoopbackToken(sources)).toBe('kept');
    expect(urls).toEqual([]);
  });

  it('still returns the token from the URL when storage is disabled', () => {
    const { sources } = fakeSources('#token=t');
    sources.storage = () => {
      throw new Error('SecurityError');
    };
    expect(takeLoopbackToken(sources)).toBe('t');
  });
});
