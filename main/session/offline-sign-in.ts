/** Sign-in while the server cannot be reached: the password is checked against the verifier in this user's cache. */
import { existsSync } from 'node:fs';
import { CodedError } from '../../domain/errors.ts';
import type { SessionUser } from '../../domain/entities.ts';
import type { SecretStore } from '../secrets/secret-store.ts';
import type { SyncedCache } from '../sync/synced-cache.ts';
import { readCacheKey } from './cache-key.ts';
import { cacheLocation, type CacheLocation } from './cache-location.ts';
import type { OfflineIndex } from './offline-index.ts';
import { passesOfflineCheck } from './unlock-check.ts';

// The server's words for a refused sign-in (server/sign-in/sign-in.ts): offline says nothing more.
const WRONG_CREDENTIALS = 'Wrong username or password.';

/**
 * There is no offline copy this sign-in can open (never signed in online here, or its cache, key or
 * session rows are gone). Keeps the outage's own code: `ERROR_CODES` has no "sign in online first"
 * code, the renderer's words are keyed on every code, and "connect and try again" is the remedy.
 */
export class OnlineSignInRequiredError extends CodedError {
  constructor(code: 'network_error' | 'server_unavailable') {
    super(code, 'Casebridge cannot reach the server, and this computer has no offline copy it can open for this account. Connect to the network and sign in online once; after that you can sign in here offline.');
  }
}

/** What an offline sign-in needs; `outage` is the code the online attempt failed with. */
export interface OfflineSignInInput {
  secrets: SecretStore;
  index: OfflineIndex;
  dataDir: string;
  serverUrl: string;
  username: string;
  password: string;
  now: number;
  offlineAllowed: boolean;
  outage: 'network_error' | 'server_unavailable';
  /** Opens an existing cache (the session manager's opener). */
  open: (location: CacheLocation, keyHex: string) => Promise<SyncedCache>;
}

/** A session started offline: the cache is open and there are no tokens yet. */
export interface OfflineSignIn {
  user: SessionUser;
  cache: SyncedCache;
  location: CacheLocation;
  deviceId: string;
}

/**
 * Finds the username's cache through the index, opens it once, and accepts the password only with a
 * current lease (checked first, as for unlock), a device binding and a matching verifier. Nothing is
 * created: a missing file or key means an online sign-in is needed. Every refusal closes the cache.
 */
export async function signInOffline(input: OfflineSignInInput): Promise<OfflineSignIn> {
  const userId = await input.index.find(input.username);
  if (userId === null) {
    throw new OnlineSignInRequiredError(input.outage);
  }
  const location = cacheLocation(input.dataDir, input.serverUrl, userId);
  const keyHex = await readCacheKey(input.secrets, location);
  // Opening a missing file would create an empty cache: check first.
  if (keyHex === null || !existsSync(location.file)) {
    throw new OnlineSignInRequiredError(input.outage);
  }
  let cache: SyncedCache;
  try {
    cache = await input.open(location, keyHex);
  } catch (error) {
    // The key does not open the file: only an online sign-in (which rebuilds the cache) can help.
    throw error instanceof CodedError && error.code === 'authentication_error' ? new OnlineSignInRequiredError(input.outage) : error;
  }
  try {
    const meta = await cache.sessionMeta.read();
    // Caches written before the user row existed, or never bound to a device, cannot start a session.
    if (meta.user?.id !== userId || meta.deviceId === null) {
      throw new OnlineSignInRequiredError(input.outage);
    }
    if (!(await passesOfflineCheck(meta, input.password, input.now, input.offlineAllowed))) {
      throw new CodedError('authentication_error', WRONG_CREDENTIALS);
    }
    return { user: meta.user, cache, location, deviceId: meta.deviceId };
  } catch (error) {
    await cache.close();
    throw error;
  }
}
