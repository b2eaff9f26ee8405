/** Opens the encrypted cache in its worker thread and hands out typed read and write Kysely handles. */
import { Kysely, sql } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { CacheError } from './cache-error.ts';
import { registerBatchRunner } from './query-batch.ts';
import { CacheWorkerClient, type StartCacheWorkerOptions } from './worker-client.ts';
import { WorkerDialect } from './worker-dialect.ts';

/** What the app opens the cache with. */
export interface OpenCacheOptions {
  file: string;
  /** The raw 256-bit key, 64 hex characters. */
  keyHex: string;
  /** An Electron-ABI build of the SQLite addon, when running under Electron. */
  nativeBinding?: string;
  /** Prepared statements kept per connection (default 100). */
  statementCacheSize?: number;
}

/** The open cache: all SQL runs in the worker; `read` cannot write. */
export interface CacheHandles {
  /** Read-only statements on the reader connection; it sees committed data only and rejects writes with `authorization_error`. */
  read: Kysely<CacheDatabase>;
  /** Every statement, including transactions and migrations, on the single writer connection. */
  write: Kysely<CacheDatabase>;
  /** Closes both connections and stops the worker; afterwards every query rejects with `session_locked`. */
  close(): Promise<void>;
  /** Checkpoints the WAL into the database and truncates it (after removals, so deleted rows leave no trace in the WAL). */
  checkpoint(): Promise<void>;
}

/** Opens the cache; a wrong key rejects with `authentication_error` and leaves no worker running. */
export async function openCache(options: OpenCacheOptions): Promise<CacheHandles> {
  return cacheHandles(await CacheWorkerClient.start(options satisfies StartCacheWorkerOptions));
}

/** Wraps a started worker in the typed handles (tests start the client themselves to watch or kill the worker). */
export function cacheHandles(client: CacheWorkerClient): CacheHandles {
  const [read, write] = (['read', 'write'] as const).map((role) => {
    const dialect = new WorkerDialect(client, role);
    const db = new Kysely<CacheDatabase>({ dialect });
    // executeBatch (query-batch.ts) sends this handle's batches to the worker in one round trip.
    registerBatchRunner(db, (statements) => dialect.runBatch(statements));
    return db;
  }) as [Kysely<CacheDatabase>, Kysely<CacheDatabase>];
  return {
    read,
    write,
    close: () => client.close(),
    async checkpoint() {
      // Through the write handle, so it waits for any open write transaction instead of failing inside it.
      const { rows } = await sql<{ busy: number; log: number; checkpointed: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(write);
      const row = rows[0];
      if (row === undefined || row.busy !== 0) {
        throw new CacheError('internal_error', 'checkpoint_busy', 'The cache log could not be checkpointed because a read was still open; try again.');
      }
    },
  };
}
