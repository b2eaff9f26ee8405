/**
 * A database per dialect brought to the latest server migration once per vitest run (vitest-global-setup.ts),
 * so each server suite starts from a copy of it (SQLite: a file copy; PostgreSQL: `CREATE DATABASE … TEMPLATE`)
 * instead of running every migration again. The migration tests still migrate from an empty database
 * (server-migration.ts), and the server still runs its migrator on start (finding nothing pending).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseConfig } from '../../server/context/config.ts';
import { openServerDb } from '../../server/db/connect.ts';
import { migrateServerDb } from '../../server/db/migrate.ts';
import { withAdmin } from './postgres-admin.ts';

/** The environment variables the forks read the templates from (vitest passes its environment to them). */
export const TEMPLATE_ENV = { sqlite: 'CB_TEST_SQLITE_TEMPLATE', postgres: 'CB_TEST_POSTGRES_TEMPLATE' } as const;

/** Makes the migrated templates, names them in the environment, and answers how to drop them. */
export async function createMigratedTemplates(): Promise<{ drop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'cb-template-'));
  const file = join(dir, 'casebridge.db');
  const adminUrl = process.env.TEST_DATABASE_URL;
  const name = `cb_template_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const postgres = async (url: string): Promise<void> => {
    await withAdmin(url, (c) => c.query(`CREATE DATABASE ${name}`));
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${name}`;
    // Closed before any copy is made: PostgreSQL copies a template only while nobody is connected to it.
    await migrate({ dialect: 'postgres', url: templateUrl.toString() });
  };
  const drop = async (): Promise<void> => {
    delete process.env[TEMPLATE_ENV.sqlite];
    delete process.env[TEMPLATE_ENV.postgres];
    rmSync(dir, { recursive: true, force: true });
    if (adminUrl) {
      await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
  };
  // Side by side: PostgreSQL mostly waits on its server. A failure leaves neither template behind.
  const made = await Promise.allSettled([migrate({ dialect: 'sqlite', file }), adminUrl ? postgres(adminUrl) : undefined]);
  const failed = made.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) {
    await drop();
    throw failed.reason;
  }
  process.env[TEMPLATE_ENV.sqlite] = file;
  if (adminUrl) {
    process.env[TEMPLATE_ENV.postgres] = name;
  }
  return { drop };
}

async function migrate(config: DatabaseConfig): Promise<void> {
  // Closing SQLite checkpoints its write-ahead log into the file, so the file alone is the whole database.
  const opened = openServerDb(config);
  try {
    await migrateServerDb(opened.db);
  } finally {
    await opened.close();
  }
}
