/** Sign-in, sign-out, idle lock and unlock, tokens and the open cache of the one signed-in user. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CodedError } from '../../domain/errors.ts';
import type { SessionUser } from '../../domain/entities.ts';
import type { TokenPair } from '../../domain/http/routes.ts';
import type { SessionState } from '../../domain/ipc/session-state.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { SecretStore } from '../secrets/secret-store.ts';
import { openSyncedCache, type SyncedCache } from '../sync/synced-cache.ts';
import { obtainCacheKey, removeCacheFiles } from './cache-key.ts';
import { cacheLocation, type CacheLocation } from './cache-location.ts';
import { bindToDevice, isOffline } from './device-binding.ts';
import { createOfflineIndex, type OfflineIndex } from './offline-index.ts';
import { leaseFromServer } from './offline-lease.ts';
import { signInOffline } from './offline-sign-in.ts';
import { createPasswordVerifier } from './password-verifier.ts';
import { checkUnlock } from './unlock-check.ts';

/** An unlocked session: the user, the open cache, and the access token (in memory only). */
export interface ActiveSession {
  user: SessionUser;
  cache: SyncedCache;
  location: CacheLocation;
  deviceId: string;
  accessToken: string;
  accessExpiresAt: number;
}

/** A signed-in session; `cache` is null while locked; `offline` until the server has given it tokens. */
type CurrentSession = Omit<ActiveSession, 'cache'> & { cache: SyncedCache | null; offline: boolean };

/** The machine policy's session settings. */
export interface SessionSettings {
  offlineLeaseHours: number;
  offlineAllowed: boolean;
}

/** What the session manager needs from outside. */
export interface SessionDeps {
  api: ApiClient;
  secrets: SecretStore;
  serverUrl: string;
  dataDir: string;
  nativeBinding?: string;
  now: () => number;
  settings: SessionSettings;
  /** Opens the encrypted cache; default `openSyncedCache` (the worker-backed cache plugs in here). */
  openCache?: (args: { file: string; keyHex: string; nativeBinding?: string }) => Promise<SyncedCache>;
  /** Told what happens to the session outside the host's own calls. */
  listener?: SessionListener;
}

/** What the manager tells its host between calls (from `accessToken()`, which sync and the poke socket call). */
export interface SessionListener {
  /** A session without tokens (signed in or unlocked offline) got them from the server. */
  wentOnline(): void;
  /**
   * The server answered but will not renew the session (refresh token refused, or none left to use);
   * a revoked device has its own path. The host ends the session if `isCurrent()` still holds.
   */
  refused(isCurrent: () => boolean): void;
}

/** Holds at most one session, unlocked or locked. */
export class SessionManager {
  #current: CurrentSession | null = null;
  // One refresh at a time per session: two would present the same refresh token, and the server revokes the family on reuse.
  readonly #refreshing = new WeakMap<CurrentSession, Promise<string>>();
  readonly #index: OfflineIndex;

  constructor(private readonly deps: SessionDeps) {
    this.#index = createOfflineIndex(deps.secrets, deps.serverUrl);
  }

  /** The unlocked session, or null when signed out or locked. */
  get active(): ActiveSession | null {
    const c = this.#current;
    return c?.cache ? { ...c, cache: c.cache } : null;
  }

  /** What the renderer is told; `offline` while the session has no tokens from the server. */
  get state(): SessionState {
    const c = this.#current;
    if (!c) {
      return { state: 'signed_out' };
    }
    if (!c.cache) {
      return { state: 'locked', user: c.user };
    }
    return c.offline ? { state: 'signed_in', user: c.user, offline: true } : { state: 'signed_in', user: c.user };
  }

  /** The unlocked session, or `not_signed_in` / `session_locked`. */
  require(): ActiveSession {
    if (!this.#current) {
      throw new CodedError('not_signed_in', 'Sign in first.');
    }
    const active = this.active;
    if (!active) {
      throw new CodedError('session_locked', 'Casebridge is locked. Enter your password to unlock.');
    }
    return active;
  }

  /**
   * Signs in online: password checked by the server, device bound, then this user's cache opened.
   * When the server cannot be reached and policy allows offline work, signs in offline instead
   * (see offline-sign-in.ts): the session starts without tokens and gets them on the next refresh.
   */
  async signIn(username: string, password: string, totpCode?: string): Promise<SessionUser> {
    if (this.#current) {
      await this.signOut(false);
    }
    let login: TokenPair;
    try {
      login = await this.deps.api.call('login', { body: { username, password, ...(totpCode === undefined ? {} : { totpCode }) } });
    } catch (error) {
      const outage = outageCode(error);
      if (outage === null || !this.deps.settings.offlineAllowed) {
        throw error;
      }
      return this.#signInOffline(username, password, outage);
    }
    const location = cacheLocation(this.deps.dataDir, this.deps.serverUrl, login.user.id);
    // One cache connection for the whole sign-in: the session rows go through it too.
    const cache = await this.#openCache(location);
    try {
      const { pair, deviceId } = await bindToDevice(this.deps.api, login, (await cache.sessionMeta.read()).deviceId);
      await this.#rememberSignIn(location, cache, pair, password, deviceId);
      await this.#index.remember(pair.user.username, pair.user.id);
      this.#current = { user: pair.user, cache, location, deviceId, ...accessFrom(pair), offline: false };
      return pair.user;
    } catch (error) {
      await cache.close();
      if (error instanceof CodedError && error.code === 'device_revoked') {
        await this.#wipe(location, login.user.username);
      }
      throw error;
    }
  }

  /** Signs out: revokes the refresh token, closes the cache, and optionally wipes it and its key. */
  async signOut(wipeCache: boolean): Promise<void> {
    const session = this.#current;
    if (!session) {
      return;
    }
    this.#current = null;
    const refreshToken = await this.deps.secrets.get(session.location.refreshTokenAccount).catch(() => null);
    if (refreshToken && session.accessToken) {
      // Best effort: offline sign-out still ends the local session.
      await this.deps.api.call('logout', { body: { refreshToken }, accessToken: session.accessToken }).catch(() => undefined);
    }
    await session.cache?.close();
    await this.deps.secrets.delete(session.location.refreshTokenAccount);
    if (wipeCache) {
      await this.#wipe(session.location, session.user.username);
    }
  }

  /** The device was revoked: close, delete the cache files and every keychain entry, end the session. */
  async wipeRevoked(): Promise<void> {
    const session = this.#current;
    this.#current = null;
    if (session) {
      await session.cache?.close();
      await this.#wipe(session.location, session.user.username);
    }
  }

  /** Idle lock: closes the cache and forgets the access token; the refresh token stays in the keychain. */
  async lock(): Promise<void> {
    const session = this.#current;
    if (!session?.cache) {
      return;
    }
    const cache = session.cache;
    Object.assign(session, { cache: null, accessToken: '', accessExpiresAt: 0 });
    await cache.close();
  }

  /** Unlocks with the password — online when the server answers, else against the verifier in the cache. */
  async unlock(password: string): Promise<SessionUser> {
    const session = this.#current;
    if (!session) {
      throw new CodedError('not_signed_in', 'Sign in first.');
    }
    if (session.cache) {
      return session.user;
    }
    const keyHex = await this.deps.secrets.get(session.location.keyAccount);
    if (keyHex === null) {
      throw new CodedError('authentication_error', 'The local cache key is missing; sign out and sign in again.');
    }
    // Opened once, when first needed (offline: to read the verifier and lease), and kept only if the password is accepted.
    const target = this.#target(session.location, keyHex);
    const opening: { cache: Promise<SyncedCache> | null } = { cache: null };
    const cache = () => (opening.cache ??= (this.deps.openCache ?? openSyncedCache)(target));
    try {
      const readMeta = async () => (await cache()).sessionMeta.read();
      const outcome = await checkUnlock({ api: this.deps.api, user: session.user, deviceId: session.deviceId, password, readMeta, now: this.deps.now(), offlineAllowed: this.deps.settings.offlineAllowed });
      const opened = await cache();
      if (outcome.kind === 'online') {
        const old = await this.deps.secrets.get(session.location.refreshTokenAccount).catch(() => null);
        await this.#rememberSignIn(session.location, opened, outcome.pair, password, session.deviceId);
        if (old) {
          await this.deps.api.call('logout', { body: { refreshToken: old }, accessToken: outcome.pair.accessToken }).catch(() => undefined);
        }
        Object.assign(session, accessFrom(outcome.pair));
      }
      session.offline = outcome.kind === 'offline';
      session.cache = opened;
      return session.user;
    } catch (error) {
      await opening.cache?.then((c) => c.close(), () => undefined);
      throw error;
    }
  }

  /**
   * A valid access token, refreshed (rotating the refresh token and the lease) when about to expire
   * — or when there is none yet, after an offline sign-in or unlock: the refresh token in the keychain
   * is what takes such a session online.
   */
  async accessToken(): Promise<string> {
    const active = this.require();
    if (active.accessExpiresAt - this.deps.now() > 30_000) {
      return active.accessToken;
    }
    const session = this.#current as CurrentSession; // require() has checked it
    let refreshing = this.#refreshing.get(session);
    if (!refreshing) {
      refreshing = this.#refresh(session).finally(() => this.#refreshing.delete(session));
      this.#refreshing.set(session, refreshing);
    }
    return refreshing;
  }

  async #refresh(session: CurrentSession): Promise<string> {
    const refreshToken = await this.deps.secrets.get(session.location.refreshTokenAccount);
    let pair: TokenPair;
    try {
      if (!refreshToken) {
        // Nothing to renew with (signed out, then signed in offline). Only once the server answers is
        // that final; until then the session works offline like any other.
        await this.deps.api.call('health');
        throw new CodedError('authentication_error', 'Your session has ended; sign in again.');
      }
      pair = await this.deps.api.call('refresh', { body: { refreshToken, deviceId: session.deviceId } });
    } catch (error) {
      if (error instanceof CodedError && error.code === 'authentication_error' && this.#current === session) {
        if (refreshToken) {
          await this.#endLease(session);
        }
        this.deps.listener?.refused(() => this.#current === session);
      }
      throw error;
    }
    if (this.#current !== session) {
      // Signed out meanwhile: the rotated token must not land in the keychain after the sign-out cleared it.
      throw new CodedError('not_signed_in', 'Sign in first.');
    }
    await this.deps.secrets.set(session.location.refreshTokenAccount, pair.refreshToken);
    const lease = pair.offlineLease ? leaseFromServer(pair.offlineLease, this.deps.now(), this.deps.settings.offlineLeaseHours) : null;
    if (lease && session.cache) {
      await session.cache.sessionMeta.write({ lease });
    }
    const wasOffline = session.offline;
    Object.assign(session, accessFrom(pair), { offline: false });
    if (wasOffline) {
      this.deps.listener?.wentOnline();
    }
    return pair.accessToken;
  }

  // The server refused this session (revoked or reused token, account disabled): ending the lease now
  // means the cache opens again only after an online sign-in, instead of for the rest of the lease.
  async #endLease(session: CurrentSession): Promise<void> {
    const cache = session.cache;
    const lease = cache ? (await cache.sessionMeta.read().catch(() => null))?.lease : null;
    if (cache && lease) {
      // Best effort: the refusal ends the session whether or not this write lands.
      await cache.sessionMeta.write({ lease: { token: lease.token, notAfter: new Date(this.deps.now()).toISOString() } }).catch(() => undefined);
    }
  }

  async #signInOffline(username: string, password: string, outage: 'network_error' | 'server_unavailable'): Promise<SessionUser> {
    const signedIn = await signInOffline({
      secrets: this.deps.secrets, index: this.#index, dataDir: this.deps.dataDir, serverUrl: this.deps.serverUrl,
      username, password, now: this.deps.now(), offlineAllowed: this.deps.settings.offlineAllowed, outage,
      open: (location, keyHex) => (this.deps.openCache ?? openSyncedCache)(this.#target(location, keyHex)),
    });
    this.#current = { ...signedIn, accessToken: '', accessExpiresAt: 0, offline: true };
    return signedIn.user;
  }

  // After every online password check: refresh token to the keychain; verifier, lease, device into the cache.
  async #rememberSignIn(location: CacheLocation, cache: SyncedCache, pair: TokenPair, password: string, deviceId: string): Promise<void> {
    await this.deps.secrets.set(location.refreshTokenAccount, pair.refreshToken);
    const lease = pair.offlineLease ? leaseFromServer(pair.offlineLease, this.deps.now(), this.deps.settings.offlineLeaseHours) : null;
    await cache.sessionMeta.write({ deviceId, user: pair.user, verifier: await createPasswordVerifier(password), ...(lease ? { lease } : {}) });
  }

  async #openCache(location: CacheLocation): Promise<SyncedCache> {
    mkdirSync(dirname(location.file), { recursive: true, mode: 0o700 });
    const keyHex = await obtainCacheKey(this.deps.secrets, location);
    const open = () => (this.deps.openCache ?? openSyncedCache)(this.#target(location, keyHex));
    try {
      return await open();
    } catch (error) {
      // A file the key cannot open is useless: rebuild it from the server rather than fail sign-in.
      if (error instanceof CodedError && error.code === 'authentication_error') {
        removeCacheFiles(location.file);
        return await open();
      }
      throw error;
    }
  }

  async #wipe(location: CacheLocation, username: string): Promise<void> {
    removeCacheFiles(location.file);
    await this.deps.secrets.delete(location.keyAccount);
    await this.deps.secrets.delete(location.refreshTokenAccount);
    await this.#index.forget(username);
  }

  #target(location: CacheLocation, keyHex: string): { file: string; keyHex: string; nativeBinding?: string } {
    return { file: location.file, keyHex, ...(this.deps.nativeBinding ? { nativeBinding: this.deps.nativeBinding } : {}) };
  }
}

// The outage's code when the error only means the server cannot be reached (isOffline decides), else null.
function outageCode(error: unknown): 'network_error' | 'server_unavailable' | null {
  return isOffline(error) ? (error as { code: 'network_error' | 'server_unavailable' }).code : null;
}

function accessFrom(pair: TokenPair): { accessToken: string; accessExpiresAt: number } {
  return { accessToken: pair.accessToken, accessExpiresAt: Date.parse(pair.accessExpiresAt) };
}
