/**
 * A bootstrap's pages wait in `bootstrap_staged` until the last one has arrived, then replace the
 * mirror in one transaction. Each page is staged with the position of the next one, so a crash
 * resumes where it stopped; until the swap the user keeps working on the cache as it was.
 */
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import { BootstrapNextSchema, CursorSchema, SyncChangeSchema, type BootstrapResponse, type SyncChange } from '../../domain/http/sync-schemas.ts';
import { clearMirror } from './clear-mirror.ts';
import { keptDocumentIds } from './kept-document-ids.ts';
import { sweepOrphanDocumentFiles } from './document-files.ts';
import { checkpointWal } from './erase-traces.ts';
import { upsertChanges } from './upsert-change.ts';

const PROGRESS_KEY = 'bootstrap.progress';
// Rows per INSERT (4 bound values each) and per read while swapping.
const ROWS_PER_INSERT = 200;
const ROWS_PER_READ = 2000;

const ProgressSchema = z.object({ snapshot: CursorSchema, next: BootstrapNextSchema });
/** Where a bootstrap stands: its pinned position and the next page (null once every page is staged). */
export type BootstrapProgress = z.infer<typeof ProgressSchema>;

/** The bootstrap in progress, or null when none is (an unreadable progress counts as none). */
export async function readBootstrapProgress(db: Kysely<CacheDatabase>): Promise<BootstrapProgress | null> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', PROGRESS_KEY).executeTakeFirst();
  if (!row) {
    return null;
  }
  const parsed = ProgressSchema.safeParse(safeJson(row.value));
  return parsed.success ? parsed.data : null;
}

/** Stages one page and the position after it, together; a page from another snapshot is refused. */
export async function stageBootstrapPage(db: Kysely<CacheDatabase>, page: BootstrapResponse): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await readBootstrapProgress(trx);
    if (current && current.snapshot !== page.snapshot) {
      throw new CodedError('internal_error', 'A bootstrap page from another snapshot cannot join this bootstrap.');
    }
    const rows = page.changes.map((c) => ({ entity: c.entity, id: c.data.id, data: JSON.stringify(c) }));
    for (let at = 0; at < rows.length; at += ROWS_PER_INSERT) {
      await trx.insertInto('bootstrap_staged').values(rows.slice(at, at + ROWS_PER_INSERT))
        .onConflict((oc) => oc.columns(['entity', 'id']).doUpdateSet({ data: sql.ref('excluded.data') })).execute();
    }
    const progress = JSON.stringify({ snapshot: page.snapshot, next: page.next } satisfies BootstrapProgress);
    await trx.insertInto('meta').values({ key: PROGRESS_KEY, value: progress })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: progress })).execute();
  });
}

/**
 * Replaces the whole mirror with the staged records and sets the pull cursor to the snapshot, in
 * one transaction; the staging is emptied in it too. Refuses while pages are still missing.
 * Returns how many records were swapped in.
 */
export async function swapInBootstrap(db: Kysely<CacheDatabase>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const progress = await readBootstrapProgress(trx);
    if (!progress || progress.next !== null) {
      throw new CodedError('internal_error', 'The bootstrap is not complete, so it cannot replace the cache.');
    }
    await clearMirror(trx);
    let records = 0;
    for (let after = 0; ;) {
      const rows = await trx.selectFrom('bootstrap_staged').select(['rid', 'data']).where('rid', '>', after).orderBy('rid').limit(ROWS_PER_READ).execute();
      if (rows.length === 0) {
        break;
      }
      await upsertChanges(trx, rows.map((r) => parseStaged(r.data)));
      records += rows.length;
      after = rows.at(-1)!.rid;
    }
    await trx.deleteFrom('bootstrap_staged').execute();
    await trx.deleteFrom('meta').where('key', '=', PROGRESS_KEY).execute();
    await trx.insertInto('meta').values({ key: 'cursor', value: progress.snapshot })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: progress.snapshot })).execute();
    return records;
  });
}

/** Forgets a bootstrap in progress (the server no longer knows its snapshot). */
export async function discardBootstrap(db: Kysely<CacheDatabase>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('bootstrap_staged').execute();
    await trx.deleteFrom('meta').where('key', '=', PROGRESS_KEY).execute();
  });
}

// Staged rows were validated when they arrived; checking again guards against a cache written by another version.
function parseStaged(data: string): SyncChange {
  const parsed = SyncChangeSchema.safeParse(safeJson(data));
  if (!parsed.success) {
    throw new CodedError('internal_error', 'A staged bootstrap record is unreadable; the bootstrap starts again.');
  }
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The cache's bootstrap operations, as the sync engine uses them. */
export interface BootstrapStore {
  /** The bootstrap in progress, or null. */
  progress(): Promise<BootstrapProgress | null>;
  /** Stages a page with the position after it. */
  stage(page: BootstrapResponse): Promise<void>;
  /** Swaps the complete bootstrap in, then deletes orphaned document files and truncates the WAL; returns the records swapped in. */
  swapIn(): Promise<number>;
  /** Forgets the bootstrap in progress. */
  discard(): Promise<void>;
}

/** The bootstrap operations over the cache's write handle; `cacheDir` holds its stored documents. */
export function createBootstrapStore(db: Kysely<CacheDatabase>, cacheDir: string): BootstrapStore {
  return {
    progress: () => readBootstrapProgress(db),
    stage: (page) => stageBootstrapPage(db, page),
    async swapIn() {
      const records = await swapInBootstrap(db);
      // Documents the new mirror does not hold (lost while offline, or before a reset) must not stay on disk.
      await sweepOrphanDocumentFiles(cacheDir, (ids) => keptDocumentIds(db, ids));
      await checkpointWal(db);
      return records;
    },
    discard: () => discardBootstrap(db),
  };
}
