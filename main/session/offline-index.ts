/** Which user id a username had on a server, so a sign-in without the server can find that user's cache. */
import { createHash } from 'node:crypto';
import { IdSchema } from '../../domain/ids.ts';
import type { SecretStore } from '../secrets/secret-store.ts';

/**
 * One SecretStore entry per (server, username) that has signed in online here, holding only the user
 * id (which names the cache file; who the user is stays inside the encrypted cache). Not a file: a
 * file would be a list of who uses this machine, readable by anything running as this OS user, while
 * entries found only by their username need no list at all. The account name is a hash of the server
 * URL and the normalised username, so listing the keychain's accounts (possible without unlocking
 * each secret on some platforms) spells out no usernames. A keyed hash would add nothing: its key
 * would sit in the same keychain, next to the cache keys it would be protecting names from.
 */
export interface OfflineIndex {
  /** Records the user id behind a username (after an online sign-in). */
  remember(username: string, userId: string): Promise<void>;
  /** The user id behind a username, or null when it never signed in online here (or the entry is unreadable). */
  find(username: string): Promise<string | null>;
  /** Forgets a username (when its cache is wiped). */
  forget(username: string): Promise<void>;
}

/** The index of one server's usernames in a SecretStore. */
export function createOfflineIndex(secrets: SecretStore, serverUrl: string): OfflineIndex {
  const account = (username: string) => offlineIndexAccount(serverUrl, username);
  return {
    remember: (username, userId) => secrets.set(account(username), userId),
    async find(username) {
      const parsed = IdSchema.safeParse(await secrets.get(account(username)));
      return parsed.success ? parsed.data : null;
    },
    forget: (username) => secrets.delete(account(username)),
  };
}

/** The keychain account of a (server, username) entry. */
export function offlineIndexAccount(serverUrl: string, username: string): string {
  return `offline-user:${createHash('sha256').update(`${serverUrl}\n${normaliseUsername(username)}`).digest('hex').slice(0, 32)}`;
}

/** A username as the server matches it (server/sign-in/sign-in.ts lower-cases; the IPC input is trimmed). */
export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}
