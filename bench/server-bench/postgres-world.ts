/**
 * The server benchmark's world in PostgreSQL: a dedicated database (`casebridge_bench` beside the
 * one `TEST_DATABASE_URL` names, so the test database is not disturbed), created, migrated and
 * loaded with the same world as the SQLite file, and dropped when the benchmark ends.
 */
import { openServerDb } from '../../server/db/connect.ts';
import { migrateServerDb } from '../../server/db/migrate.ts';
import { withAdmin } from '../../test/support/postgres-admin.ts';
import { loadSharingWorld, type SharingWorld } from '../sharing-world.ts';

/** The loaded PostgreSQL world, its URL and how to drop it. */
export interface PostgresWorld {
  url: string;
  world: SharingWorld;
  buildSeconds: number;
  drop(): Promise<void>;
}

const NAME = 'casebridge_bench';

/** Creates `casebridge_bench` afresh next to `adminUrl`'s database and loads `total` cases into it. */
export async function postgresWorld(adminUrl: string, total: number): Promise<PostgresWorld> {
  const started = performance.now();
  await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`));
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${NAME}`));
  const url = new URL(adminUrl);
  url.pathname = `/${NAME}`;
  const opened = openServerDb({ dialect: 'postgres', url: url.toString() });
  let world: SharingWorld;
  try {
    await migrateServerDb(opened.db);
    world = await loadSharingWorld(opened.db, total);
  } finally {
    await opened.close();
  }
  // Fresh statistics, as a database that has lived a while would have.
  await withAdmin(url.toString(), (c) => c.query('VACUUM ANALYZE'));
  return {
    url: url.toString(), world, buildSeconds: (performance.now() - started) / 1000,
    drop: () => withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`)),
  };
}
