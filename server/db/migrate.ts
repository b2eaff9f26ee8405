/** Brings the server database to the latest migration. */
import { Migrator, type Kysely } from 'kysely';
import { serverMigrationProvider } from '../../db/server/migrations/index.ts';
import type { ServerDatabase } from '../../db/server/schema.ts';

/** Runs every pending migration; throws with the failing migration's name. */
export async function migrateServerDb(db: Kysely<ServerDatabase>): Promise<void> {
  const migrator = new Migrator({ db, provider: serverMigrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined || failed) {
    throw new Error(`Server migration ${failed?.migrationName ?? '(unknown)'} failed`, { cause: error });
  }
}
