/** Brings a cache database's schema up to date with the static migration list. */
import { Migrator, type Kysely } from 'kysely';
import { cacheMigrationProvider } from '../../db/cache/migrations/index.ts';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { CodedError } from '../../domain/errors.ts';

/** Applies every pending migration; on failure throws `internal_error` with the cause attached. */
export async function migrateCache(db: Kysely<CacheDatabase>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: cacheMigrationProvider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined || failed !== undefined) {
    throw Object.assign(new CodedError('internal_error', `The local cache could not be upgraded${failed ? ` (${failed.migrationName})` : ''}.`), { cause: error });
  }
}
