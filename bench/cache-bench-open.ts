/** Opens a fresh cache for the cache benchmarks: encrypted the app's way, or plain with the same pragmas. */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import type { CacheDatabase } from '../db/cache/schema.ts';
import { createCaseCache, type CaseCache } from '../main/cache/case-cache.ts';
import { registerCacheFunctions } from '../main/cache-worker/cache-functions.ts';
import { openEncryptedDb } from '../main/cache-worker/open-encrypted-db.ts';

/** A cache with its raw connection and Kysely handle. */
export type Opened = { cache: CaseCache; sqlite: Database.Database; db: Kysely<CacheDatabase> };

/** Opens a cache file the app's way (encrypted) or plain with the same pragmas. */
export async function openBenchCache(dir: string, encrypted: boolean): Promise<Opened> {
  const file = join(dir, encrypted ? 'encrypted.db' : 'plain.db');
  const sqlite = encrypted ? openEncryptedDb(file, randomBytes(32).toString('hex')) : new Database(file);
  if (!encrypted) {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('secure_delete = ON');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('cache_size = -65536');
    registerCacheFunctions(sqlite);
  }
  const db = new Kysely<CacheDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  const cache = await createCaseCache(db, dir);
  return { cache, sqlite, db };
}

