/** The desktop's encrypted cache of what the signed-in user may see. */
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { cacheMigrationProvider } from '../../db/cache/migrations/index.ts';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import type { PullResponse } from '../../domain/http/sync-schemas.ts';
import type { QueuePage } from '../../domain/ipc/contract.ts';
import { openEncryptedDb } from './open-encrypted-db.ts';
import { applyPullPage } from './apply-pull-page.ts';
import { queryQueue, type QueueQuery } from './queue-query.ts';

/** Reads and writes of the cache; async so the store can move behind a worker without callers changing. */
export interface CaseCache {
  /** The last applied pull cursor, or null before the first sync. */
  cursor(): Promise<string | null>;
  /** Applies one pull page and its cursor in one transaction. */
  applyPullPage(page: PullResponse): Promise<void>;
  /** A page of the case queue. */
  queue(query: QueueQuery): Promise<QueuePage>;
  /** Deletes every cached row and the cursor (the server asked for a fresh start). */
  wipe(): Promise<void>;
  /** How many cases are cached. */
  caseCount(): Promise<number>;
  /** Closes the database. */
  close(): Promise<void>;
}

/** Opens the encrypted cache file and brings its schema up to date. */
export async function openCaseCache(args: { file: string; keyHex: string; nativeBinding?: string }): Promise<CaseCache> {
  const sqlite = openEncryptedDb(args.file, args.keyHex, args.nativeBinding);
  const db = new Kysely<CacheDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error, results } = await new Migrator({ db, provider: cacheMigrationProvider }).migrateToLatest();
  if (error !== undefined || results?.some((r) => r.status === 'Error')) {
    await db.destroy();
    throw new Error('The local cache could not be upgraded.', { cause: error });
  }
  return {
    async cursor() {
      const row = await db.selectFrom('meta').select('value').where('key', '=', 'cursor').executeTakeFirst();
      return row?.value ?? null;
    },
    applyPullPage: (page) => db.transaction().execute((trx) => applyPullPage(trx, page)),
    queue: (query) => queryQueue(db, query),
    wipe: () =>
      db.transaction().execute(async (trx) => {
        await trx.deleteFrom('cases').execute();
        await trx.deleteFrom('agencies').execute();
        await trx.deleteFrom('meta').execute();
      }),
    async caseCount() {
      const row = await db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    close: () => db.destroy(),
  };
}
