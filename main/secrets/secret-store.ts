/** Where the desktop keeps secrets (cache keys, refresh tokens): never a plain file. */

/** A small interface over the OS keychain (or Electron safeStorage), so main/ runs without Electron. */
export interface SecretStore {
  /** The secret stored under `account`, or null when there is none. */
  get(account: string): Promise<string | null>;
  /** Stores (or replaces) a secret. */
  set(account: string, value: string): Promise<void>;
  /** Removes a secret; removing a missing one is not an error. */
  delete(account: string): Promise<void>;
}
