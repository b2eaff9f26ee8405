/** The per-launch token of the loopback host, taken from the URL once and kept for the tab. */

/** sessionStorage key under which the token survives reloads of this tab. */
export const TOKEN_STORAGE_KEY = 'casebridge.token';

/** The browser pieces the token handling touches, so tests can pass small fakes. */
export interface TokenSources {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  /** Returns the tab's storage; may throw where storage is disabled. */
  storage: () => Pick<Storage, 'getItem' | 'setItem'>;
}

/** Splits `#token=XYZ&…` into the token (or null) and the rest of the fragment. */
export function tokenFromHash(hash: string): { token: string | null; rest: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  params.delete('token');
  return { token: token === null || token === '' ? null : token, rest: params.toString() };
}

/**
 * Reads the token from the URL fragment (the loopback host opens `/#token=XYZ`), stores it in
 * sessionStorage and removes it from the visible URL; on later loads reads it back from storage.
 */
export function takeLoopbackToken(sources: TokenSources): string | null {
  const { token, rest } = tokenFromHash(sources.location.hash);
  if (token !== null) {
    try {
      sources.storage().setItem(TOKEN_STORAGE_KEY, token);
    } catch {
      // Storage disabled: the token still works for this page load.
    }
    const { pathname, search } = sources.location;
    sources.history.replaceState(sources.history.state, '', `${pathname}${search}${rest ? `#${rest}` : ''}`);
    return token;
  }
  try {
    return sources.storage().getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}
