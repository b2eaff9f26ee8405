/**
 * Builds the server benchmark's SQLite world once and keeps it in the temp directory, keyed by the
 * world's source, the migration list and the case count; each run works on a fresh copy of it.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverMigrations } from '../../db/server/migrations/index.ts';
import { openServerDb } from '../../server/db/connect.ts';
import { migrateServerDb } from '../../server/db/migrate.ts';
import { loadSharingWorld, type SharingWorld } from '../sharing-world.ts';

/** A working copy of the world, and where the cached original lives. */
export interface WorldCopy {
  world: SharingWorld;
  file: string;
  cachedAt: string;
  builtNow: boolean;
  buildSeconds: number;
}

/** Returns a fresh copy of the cached world in `workDir`, building the cache first when needed. */
export async function worldCopy(total: number, workDir: string): Promise<WorldCopy> {
  const source = readFileSync(new URL('../sharing-world.ts', import.meta.url), 'utf8');
  const key = createHash('sha256').update(source).update(Object.keys(serverMigrations).join(',')).update(String(total)).digest('hex').slice(0, 16);
  const cacheDir = join(tmpdir(), 'casebridge-bench-world', key);
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
    let world: SharingWorld;
    try {
      await migrateServerDb(opened.db);
      world = await loadSharingWorld(opened.db, total);
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
  return { world: JSON.parse(readFileSync(metaFile, 'utf8')) as SharingWorld, file, cachedAt: cacheDir, builtNow, buildSeconds };
}
