/** A stand-in for Electron's safeStorage (our SafeStorageLike interface), for tests that run without Electron. */
import type { SafeStorageLike } from '../../electron/safe-storage-secret-store.ts';

/** Reversible, and its "ciphertext" never contains the plaintext; `backend` undefined means a non-Linux safeStorage. */
export function fakeSafeStorage(backend: string | undefined, available = true): SafeStorageLike {
  const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => flip(Buffer.from(text, 'utf8')),
    decryptString: (blob) => flip(blob).toString('utf8'),
    ...(backend === undefined ? {} : { getSelectedStorageBackend: () => backend }),
  };
}
