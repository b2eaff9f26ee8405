/** Opens a SQLite file encrypted in the SQLCipher scheme with a raw 256-bit key. */
import Database from 'better-sqlite3-multiple-ciphers';
import { CodedError } from '../../domain/errors.ts';
import { registerCacheFunctions } from './cache-functions.ts';

/** A 256-bit key as 64 hex characters. */
export type CacheKeyHex = string;

/**
 * Opens (or creates) the file and proves the key by reading the schema; a wrong key or a
 * corrupt file throws `authentication_error` and leaves nothing open.
 *
 * Not for the app's main thread: it is synchronous and so is every statement on the handle. The
 * app opens the cache with `openCache` (./open-cache.ts), whose worker thread
 * calls this; tests and benchmarks may call it directly for a raw handle.
 */
export function openEncryptedDb(file: string, keyHex: CacheKeyHex, nativeBinding?: string): Database.Database {
  if (!/^[0-9a-f]{64}$/i.test(keyHex)) {
    throw new CodedError('validation_error', 'A cache key must be 64 hex characters.');
  }
  const db = new Database(file, nativeBinding === undefined ? {} : { nativeBinding });
  try {
    db.pragma("cipher='sqlcipher'");
    db.pragma('legacy=4');
    // Raw key: no passphrase KDF, the key is already 256 random bits.
    db.pragma(`key="x'${keyHex}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.pragma('journal_mode = WAL');
    db.pragma('secure_delete = ON');
    db.pragma('foreign_keys = ON');
    // Keep up to 64 MiB of decrypted pages per connection: the encrypted cache otherwise re-decrypts
    // pages its 2 MiB default cannot hold on every scan (measured in bench:cache).
    db.pragma('cache_size = -65536');
    registerCacheFunctions(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof Error && 'code' in error && error.code === 'SQLITE_NOTADB') {
      throw new CodedError('authentication_error', 'The local cache cannot be opened with this key.');
    }
    throw error;
  }
}
