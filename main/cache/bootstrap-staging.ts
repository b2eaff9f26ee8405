/**
 * A bootstrap's pages wait in `bootstrap_staged` until the last one has arrived, then replace the
 * mirror in one transaction. Each page is staged with the position of the next one, so a crash
 * resumes where it stopped; until the swap the user keeps working on the cache as it was.
 *
 * A page is staged as one row (`entity` 'page', `id` the position it leads to), its records as a
 * compact page (domain/http/bootstrap-compact.ts): one insert of half the bytes instead of one row per
 * record. Rows of one record each, staged by an earlier version, are still read by the swap.
 */
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import { CompactBootstrapResponseSchema, decodeCompactBootstrap, encodeCompactBootstrap } from '../../domain/http/bootstrap-compact.ts';
import { BootstrapNextSchema, CursorSchema, SyncChangeSchema, type BootstrapResponse, type SyncChange } from '../../domain/http/sync-schemas.ts';
import { clearMirror } from './clear-mirror.ts';
import { keptDocumentIds } from './kept-document-ids.ts';
import { sweepOrphanDocumentFiles } from './document-files.ts';
import { checkpointWal } from './erase-traces.ts';
import { upsertChanges } from './upsert-change.ts';

const PROGRESS_KEY = 'bootstrap.progress';
// The `entity` of a row that holds a whole page.
const PAGE_ROW = 'page';
// Rows of one record each (staged by an earlier version) per read while swapping, and staged pages per read.
const ROWS_PER_READ = 2000;
const PAGES_PER_READ = 4;

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
    if (page.changes.length > 0) {
      // Positions only move forward, so the one a page leads to names it within its bootstrap.
      const id = page.next === null ? 'last' : `${page.next.phase}:${page.next.after ?? ''}`;
      await trx.insertInto('bootstrap_staged').values({ entity: PAGE_ROW, id, data: JSON.stringify(encodeCompactBootstrap(page)) })
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
 * Records are applied in the order they were staged, so a record sent twice keeps its last version.
 * Returns how many records were swapped in (a record sent twice counts once).
 */
export async function swapInBootstrap(db: Kysely<CacheDatabase>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const progress = await readBootstrapProgress(trx);
    if (!progress || progress.next !== null) {
      throw new CodedError('internal_error', 'The bootstrap is not complete, so it cannot replace the cache.');
    }
    await clearMirror(trx);
    const records = new Set<string>();
    const apply = async (changes: SyncChange[]) => {
      changes.forEach((c) => records.add(`${c.entity}:${c.data.id}`));
      await upsertChanges(trx, changes);
    };
    // Records staged one by one (by an earlier version, before any page of this one), then the pages.
    for (let after = 0; ;) {
      const rows = await trx.selectFrom('bootstrap_staged').select(['rid', 'data']).where('entity', '!=', PAGE_ROW).where('rid', '>', after)
        .orderBy('rid').limit(ROWS_PER_READ).execute();
      if (rows.length === 0) {
        break;
      }
      await apply(rows.map((r) => parseStaged(r.data)));
      after = rows.at(-1)!.rid;
    }
    for (let after = 0; ;) {
      const rows = await trx.selectFrom('bootstrap_staged').select(['rid', 'data']).where('entity', '=', PAGE_ROW).where('rid', '>', after)
        .orderBy('rid').limit(PAGES_PER_READ).execute();
      if (rows.length === 0) {
        break;
      }
      for (const row of rows) {
        await apply(parseStagedPage(row.data));
      }
      after = rows.at(-1)!.rid;
    }
    await trx.deleteFrom('bootstrap_staged').execute();
    await trx.deleteFrom('meta').where('key', '=', PROGRESS_KEY).execute();
    await trx.insertInto('meta').values({ key: 'cursor', value: progress.snapshot })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: progress.snapshot })).execute();
    return records.size;
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
    throw unreadable();
  }
  return parsed.data;
}

// A staged page's records, each checked again with the sync schemas, as when the page arrived.
function parseStagedPage(data: string): SyncChange[] {
  const parsed = CompactBootstrapResponseSchema.safeParse(safeJson(data));
  if (!parsed.success) {
    throw unreadable();
  }
  try {
    return decodeCompactBootstrap(parsed.data).changes;
  } catch {
    throw unreadable();
  }
}

function unreadable(): CodedError {
  return new CodedError('internal_error', 'A staged bootstrap record is unreadable; the bootstrap starts again.');
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
