/** Database configurations for integration tests: a temp SQLite file, and a fresh PostgreSQL database. */
import { chmodSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseConfig } from '../../server/context/config.ts';
import { TEMPLATE_ENV } from './migrated-templates.ts';
import { withAdmin } from './postgres-admin.ts';

/** The dialects every server suite runs against; PostgreSQL when TEST_DATABASE_URL is set. */
export function testDialects(): Array<'sqlite' | 'postgres'> {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A throwaway database and how to drop it. */
export interface TestDatabase {
  config: DatabaseConfig;
  dataDir: string;
  drop(): Promise<void>;
}

/**
 * Creates a database of the dialect, isolated from every other test file: empty, or with `migrated` a copy of the
 * run's migrated template (migrated-templates.ts) where vitest's global setup made one (empty otherwise, and the
 * server migrates it on start as usual).
 */
export async function createTestDatabase(dialect: 'sqlite' | 'postgres', options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cb-server-'));
  const template = options.migrated ? process.env[TEMPLATE_ENV[dialect]] : undefined;
  if (dialect === 'sqlite') {
    const file = join(dataDir, 'casebridge.db');
    if (template) {
      copyFileSync(template, file);
      chmodSync(file, 0o600);
    }
    return {
      config: { dialect: 'sqlite', file },
      dataDir,
      drop: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    throw new Error('TEST_DATABASE_URL is not set');
  }
  const name = `cb_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdmin(adminUrl, (c) => c.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    config: { dialect: 'postgres', url: url.toString() },
    dataDir,
    drop: async () => {
      await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
