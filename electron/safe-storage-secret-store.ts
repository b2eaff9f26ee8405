/** A SecretStore on Electron safeStorage (DPAPI, Keychain, libsecret/kwallet): encrypted blobs in one file under the data dir. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CodedError } from '../domain/errors.ts';
import type { SecretStore } from '../main/secrets/secret-store.ts';

/** The subset of Electron's `safeStorage` this store needs (pass `safeStorage` itself). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron; absent elsewhere. */
  getSelectedStorageBackend?: () => string;
}

/**
 * Whether safeStorage protects secrets here. Linux's `basic_text` backend "encrypts" with a
 * hard-coded password, which is no protection at all, so it is refused like a missing keychain.
 */
export function assertSafeStorageUsable(safeStorage: SafeStorageLike, platform: NodeJS.Platform): void {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new CodedError('keychain_unavailable', 'The operating system keychain is not available to encrypt secrets.');
  }
  if (platform === 'linux' && (safeStorage.getSelectedStorageBackend?.() ?? 'unknown') === 'basic_text') {
    throw new CodedError('keychain_unavailable', 'No desktop keyring (GNOME Keyring or KWallet) is running, so secrets cannot be protected.');
  }
}

/** Creates the store; every call re-checks the backend (a keyring can go away) and writes the file atomically. */
export function createSafeStorageSecretStore(safeStorage: SafeStorageLike, file: string, platform: NodeJS.Platform = process.platform): SecretStore {
  const load = (): Record<string, string> => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {});
  const save = (blobs: Record<string, string>) => {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(`${file}.tmp`, JSON.stringify(blobs), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  };
  const guarded = <T>(action: () => T): Promise<T> => {
    try {
      assertSafeStorageUsable(safeStorage, platform);
      return Promise.resolve(action());
    } catch (error) {
      return Promise.reject(error instanceof CodedError ? error : new CodedError('keychain_unavailable', 'The encrypted secret file could not be read or written.'));
    }
  };
  return {
    get: (account) => guarded(() => {
      const blob = load()[account];
      return blob === undefined ? null : safeStorage.decryptString(Buffer.from(blob, 'base64'));
    }),
    set: (account, value) => guarded(() => {
      save({ ...load(), [account]: safeStorage.encryptString(value).toString('base64') });
    }),
    delete: (account) => guarded(() => {
      const blobs = load();
      if (account in blobs) {
        delete blobs[account];
        save(blobs);
      }
    }),
  };
}
