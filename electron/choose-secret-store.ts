/** Picks the SecretStore the machine policy names: the OS keychain (default) or Electron safeStorage. */
import { join } from 'node:path';
import { CodedError } from '../domain/errors.ts';
import type { SecretStoreChoice } from '../main/machine-policy/admin-policy.ts';
import type { SecretStore } from '../main/secrets/secret-store.ts';
import { assertSafeStorageUsable, createSafeStorageSecretStore, type SafeStorageLike } from './safe-storage-secret-store.ts';

/** The keychain service name the desktop's entries live under. */
export const KEYCHAIN_SERVICE = 'Casebridge';
/** The file in the data dir holding the safeStorage-encrypted secrets. */
export const SAFE_STORAGE_FILE = 'secrets.safe-storage.json';

/** What the choice needs: Electron's `safeStorage` (or a stand-in), where its file goes, and the keychain factory. */
export interface SecretStoreSources {
  safeStorage: SafeStorageLike;
  dataDir: string;
  platform: NodeJS.Platform;
  /** `createKeyringSecretStore`; called only when the keychain is chosen. */
  createKeychain: (service: string) => SecretStore;
}

/** The store to hand the core, and why it cannot work here (for the start-up log), if it cannot. */
export interface ChosenSecretStore {
  store: SecretStore;
  problem: string | null;
}

/**
 * The policy's store and nothing else. When safeStorage is chosen but refuses here (Linux's
 * `basic_text`, or no encryption at all), it is still the store: every call rejects with
 * `keychain_unavailable`, so sign-in fails clearly instead of quietly moving secrets elsewhere.
 */
export function chooseSecretStore(choice: SecretStoreChoice, sources: SecretStoreSources): ChosenSecretStore {
  if (choice === 'keychain') {
    return { store: sources.createKeychain(KEYCHAIN_SERVICE), problem: null };
  }
  const store = createSafeStorageSecretStore(sources.safeStorage, join(sources.dataDir, SAFE_STORAGE_FILE), sources.platform);
  return { store, problem: safeStorageProblem(sources.safeStorage, sources.platform) };
}

function safeStorageProblem(safeStorage: SafeStorageLike, platform: NodeJS.Platform): string | null {
  try {
    assertSafeStorageUsable(safeStorage, platform);
    return null;
  } catch (error) {
    return error instanceof CodedError ? error.message : 'safeStorage cannot be used.';
  }
}
