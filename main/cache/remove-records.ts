/** Deletes removed records with the cascade documented on `SyncRemovalSchema` (the FTS triggers follow the rows). */
import type { Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import type { SyncEntity, SyncRemoval } from '../../domain/http/sync-schemas.ts';
import { removeCasesFromCopies } from './meeting-copies.ts';

/** What a set of removals deleted, for the work that must follow the commit. */
export interface RemovalOutcome {
  /** Rows deleted, cascades included. */
  rowsDeleted: number;
  /** Documents whose metadata went (their stored files must go after the commit). */
  documentIds: string[];
  /** The FTS tables that lost rows and must be merged so the deleted terms physically go. */
  searchIndexes: Set<SearchIndex>;
}

/** The cache's FTS5 tables: word indexes (0002), trigram indexes (0007) and the cases' short pieces (0013). */
export type SearchIndex = 'case_fts' | 'person_fts' | 'report_fts' | 'case_trigram' | 'person_trigram' | 'case_short_grams';

/** Every FTS5 table, for a merge after the whole mirror is emptied. */
export const SEARCH_INDEXES: readonly SearchIndex[] = ['case_fts', 'person_fts', 'report_fts', 'case_trigram', 'person_trigram', 'case_short_grams'];

const CHUNK = 500;

function chunks(ids: string[]): string[][] {
  const out: string[][] = [];
  for (let at = 0; at < ids.length; at += CHUNK) {
    out.push(ids.slice(at, at + CHUNK));
  }
  return out;
}

/**
 * Removing a case removes its case subjects, case locations, reports and documents; removing a
 * location removes its case locations; removing a report removes its documents (none of these is
 * ever visible without its parent). Tasks, persons, locations and markers never cascade: the server
 * lists each one (a staff-safety marker stays visible to an involved agency that lost its subject).
 * A removed case also leaves every MARAC meeting taken offline (its agenda item goes, counted as hidden).
 */
export async function removeRecords(db: Kysely<CacheDatabase>, removals: SyncRemoval[]): Promise<RemovalOutcome> {
  const ids = (entity: SyncEntity) => [...new Set(removals.filter((r) => r.entity === entity).map((r) => r.id))];
  const outcome: RemovalOutcome = { rowsDeleted: 0, documentIds: [], searchIndexes: new Set() };
  // A table's rows are in each of its indexes (`cases` in case_fts, case_trigram and case_short_grams), so all of them are merged.
  const count = (rows: Array<{ numDeletedRows: bigint }>, ...indexes: SearchIndex[]) => {
    const n = rows.reduce((sum, r) => sum + Number(r.numDeletedRows), 0);
    outcome.rowsDeleted += n;
    if (n > 0) {
      indexes.forEach((index) => outcome.searchIndexes.add(index));
    }
  };
  const dropDocuments = async (column: 'id' | 'case_id' | 'report_id', keys: string[]) => {
    const gone = await db.deleteFrom('documents').where(column, 'in', keys).returning('id').execute();
    outcome.rowsDeleted += gone.length;
    outcome.documentIds.push(...gone.map((d) => d.id));
  };

  for (const part of chunks(ids('case'))) {
    count(await db.deleteFrom('case_subjects').where('case_id', 'in', part).execute());
    count(await db.deleteFrom('case_locations').where('case_id', 'in', part).execute());
    count(await db.deleteFrom('reports').where('case_id', 'in', part).execute(), 'report_fts');
    await dropDocuments('case_id', part);
    count(await db.deleteFrom('cases').where('id', 'in', part).execute(), 'case_fts', 'case_trigram', 'case_short_grams');
    outcome.rowsDeleted += await removeCasesFromCopies(db, part);
  }
  for (const part of chunks(ids('person'))) {
    count(await db.deleteFrom('persons').where('id', 'in', part).execute(), 'person_fts', 'person_trigram');
  }
  for (const part of chunks(ids('location'))) {
    count(await db.deleteFrom('case_locations').where('location_id', 'in', part).execute());
    count(await db.deleteFrom('locations').where('id', 'in', part).execute());
  }
  for (const part of chunks(ids('report'))) {
    await dropDocuments('report_id', part);
    count(await db.deleteFrom('reports').where('id', 'in', part).execute(), 'report_fts');
  }
  for (const part of chunks(ids('document'))) {
    await dropDocuments('id', part);
    // A document this computer already took off the screen (a `document.delete` waiting for this pull)
    // has no row left, but may still have a stored file.
    const listed = new Set(outcome.documentIds);
    outcome.documentIds.push(...part.filter((id) => !listed.has(id)));
  }
  for (const part of chunks(ids('agency'))) {
    count(await db.deleteFrom('agencies').where('id', 'in', part).execute());
  }
  for (const part of chunks(ids('case_subject'))) {
    count(await db.deleteFrom('case_subjects').where('id', 'in', part).execute());
  }
  for (const part of chunks(ids('case_location'))) {
    count(await db.deleteFrom('case_locations').where('id', 'in', part).execute());
  }
  for (const part of chunks(ids('task'))) {
    count(await db.deleteFrom('tasks').where('id', 'in', part).execute());
  }
  for (const part of chunks(ids('marker'))) {
    count(await db.deleteFrom('markers').where('id', 'in', part).execute());
  }
  for (const part of chunks(ids('access_request'))) {
    count(await db.deleteFrom('access_requests').where('id', 'in', part).execute());
  }
  return outcome;
}
