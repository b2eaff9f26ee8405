/**
 * Builds a benchmark's SQLite world once and keeps it in the temp directory, keyed by whatever its
 * caller says makes it different (the world's source, the migration list, its size); each run works
 * on a fresh copy of it. Shared by the server benchmark and the UI benchmark.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../db/server/schema.ts';
import { serverMigrations } from '../db/server/migrations/index.ts';
import { openServerDb } from '../server/db/connect.ts';
import { migrateServerDb } from '../server/db/migrate.ts';

/** A working copy of a world, and where the cached original lives. */
export interface CachedWorldCopy<T> {
  world: T;
  file: string;
  cachedAt: string;
  builtNow: boolean;
  buildSeconds: number;
}

/** The migration list, as part of a cache key: a new migration means a new world. */
export const migrationKey = (): string => Object.keys(serverMigrations).join(',');

/**
 * Returns a fresh copy of the cached world in `workDir` (as `bench.db`), first building it into a
 * migrated database with `build` when no world with this key is cached. `build` answers what the
 * benchmark needs to know about the world, kept beside it as JSON.
 */
export async function cachedWorldCopy<T>(keyParts: readonly string[], workDir: string, build: (db: Kysely<ServerDatabase>) => Promise<T>): Promise<CachedWorldCopy<T>> {
  const hash = createHash('sha256');
  for (const part of keyParts) {
    hash.update(part);
  }
  const cacheDir = join(tmpdir(), 'casebridge-bench-world', hash.digest('hex').slice(0, 16));
  const cachedFile = join(cacheDir, 'world.db');
  const metaFile = join(cacheDir, 'world.json');
  let builtNow = false;
  let buildSeconds = 0;
  if (!existsSync(metaFile)) {
    const started = performance.now();
    const building = join(cacheDir, `building-${process.pid}`);
    rmSync(building, { recursive: true, force: true });
    mkdirSync(building, { recursive: true });
    const opened = openServerDb({ dialect: 'sqlite', file: join(building, 'world.db') });
    let world: T;
    try {
      await migrateServerDb(opened.db);
      world = await build(opened.db);
    } finally {
      await opened.close();
    }
    renameSync(join(building, 'world.db'), cachedFile);
    rmSync(building, { recursive: true, force: true });
    writeFileSync(metaFile, JSON.stringify(world));
    builtNow = true;
    buildSeconds = (performance.now() - started) / 1000;
  }
  const file = join(workDir, 'bench.db');
  copyFileSync(cachedFile, file);
  return { world: JSON.parse(readFileSync(metaFile, 'utf8')) as T, file, cachedAt: cacheDir, builtNow, buildSeconds };
}
