/** Sign-in, sign-out, tokens and the open cache of the one signed-in user. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CodedError } from '../../domain/errors.ts';
import type { SessionUser } from '../../domain/entities.ts';
import type { TokenPair } from '../../domain/http/routes.ts';
import type { ApiClient } from '../api/api-client.ts';
import { openCaseCache, type CaseCache } from '../cache/case-cache.ts';
import type { SecretStore } from '../secrets/secret-store.ts';
import { obtainCacheKey, removeCacheFiles } from './cache-key.ts';
import { cacheLocation, type CacheLocation } from './cache-location.ts';

/** A signed-in session: the user, the open cache, and the access token (in memory only). */
export interface ActiveSession {
  user: SessionUser;
  cache: CaseCache;
  location: CacheLocation;
  accessToken: string;
  accessExpiresAt: number;
}

/** What the session manager needs from outside. */
export interface SessionDeps {
  api: ApiClient;
  secrets: SecretStore;
  serverUrl: string;
  dataDir: string;
  nativeBinding?: string;
  now: () => number;
}

/** Holds at most one active session. */
export class SessionManager {
  #active: ActiveSession | null = null;

  constructor(private readonly deps: SessionDeps) {}

  /** The active session, or null when signed out. */
  get active(): ActiveSession | null {
    return this.#active;
  }

  /** The active session, or a `not_signed_in` error. */
  require(): ActiveSession {
    if (!this.#active) {
      throw new CodedError('not_signed_in', 'Sign in first.');
    }
    return this.#active;
  }

  /** Signs in online: checks the password with the server, then opens (or creates) this user's cache. */
  async signIn(username: string, password: string): Promise<SessionUser> {
    if (this.#active) {
      await this.signOut(false);
    }
    const pair = await this.deps.api.call('login', { body: { username, password } });
    const location = cacheLocation(this.deps.dataDir, this.deps.serverUrl, pair.user.id);
    const cache = await this.#openCache(location);
    try {
      await this.deps.secrets.set(location.refreshTokenAccount, pair.refreshToken);
    } catch (error) {
      await cache.close();
      throw error;
    }
    this.#active = { user: pair.user, cache, location, ...this.#accessFrom(pair) };
    return pair.user;
  }

  /** Signs out: revokes the refresh token, closes the cache, and optionally wipes it and its key. */
  async signOut(wipeCache: boolean): Promise<void> {
    const session = this.#active;
    if (!session) {
      return;
    }
    this.#active = null;
    const refreshToken = await this.deps.secrets.get(session.location.refreshTokenAccount).catch(() => null);
    if (refreshToken) {
      // Best effort: offline sign-out still ends the local session.
      await this.deps.api.call('logout', { body: { refreshToken }, accessToken: session.accessToken }).catch(() => undefined);
    }
    await session.cache.close();
    await this.deps.secrets.delete(session.location.refreshTokenAccount);
    if (wipeCache) {
      removeCacheFiles(session.location.file);
      await this.deps.secrets.delete(session.location.keyAccount);
    }
  }

  /** A valid access token, refreshed (rotating the refresh token) when it is about to expire. */
  async accessToken(): Promise<string> {
    const session = this.require();
    if (session.accessExpiresAt - this.deps.now() > 30_000) {
      return session.accessToken;
    }
    const refreshToken = await this.deps.secrets.get(session.location.refreshTokenAccount);
    if (!refreshToken) {
      throw new CodedError('authentication_error', 'Your session has ended; sign in again.');
    }
    const pair = await this.deps.api.call('refresh', { body: { refreshToken } });
    await this.deps.secrets.set(session.location.refreshTokenAccount, pair.refreshToken);
    Object.assign(session, this.#accessFrom(pair));
    return session.accessToken;
  }

  async #openCache(location: CacheLocation): Promise<CaseCache> {
    mkdirSync(dirname(location.file), { recursive: true, mode: 0o700 });
    const keyHex = await obtainCacheKey(this.deps.secrets, location);
    const open = () => openCaseCache({ file: location.file, keyHex, ...(this.deps.nativeBinding ? { nativeBinding: this.deps.nativeBinding } : {}) });
    try {
      return await open();
    } catch (error) {
      // A file the key cannot open is useless: rebuild it from the server rather than fail sign-in.
      if (error instanceof CodedError && error.code === 'authentication_error') {
        removeCacheFiles(location.file);
        return open();
      }
      throw error;
    }
  }

  #accessFrom(pair: TokenPair): { accessToken: string; accessExpiresAt: number } {
    return { accessToken: pair.accessToken, accessExpiresAt: Date.parse(pair.accessExpiresAt) };
  }
}
