/** An in-memory SecretStore for unit tests of code that only needs *a* store (the keychain has its own tests). */
import type { SecretStore } from './secret-store.ts';

/** A SecretStore backed by a Map; `entries` lets a test look inside. */
export function createMemorySecretStore(): SecretStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get: (account) => Promise.resolve(entries.get(account) ?? null),
    set: (account, value) => {
      entries.set(account, value);
      return Promise.resolve();
    },
    delete: (account) => {
      entries.delete(account);
      return Promise.resolve();
    },
  };
}
