/** Empties every table the sync mirror fills, in one transaction the caller owns. */
import type { Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { mergeSearchIndexes } from './erase-traces.ts';
import { SEARCH_INDEXES } from './remove-records.ts';

// The FTS triggers empty the search indexes with these rows. The outbox and conflicts are never
// cleared (local changes survive a reset or a bootstrap), nor is the audit outbox (reads not yet
// reported), nor is `meta`: the caller decides its keys.
const MIRROR_TABLES = [
  'case_subjects', 'case_locations', 'reports', 'documents', 'markers', 'tasks', 'access_requests', 'persons', 'locations', 'cases', 'agencies',
  'case_types', 'settings',
  // MARAC meetings taken offline are not mirrored, but they are server answers about the mirrored
  // cases: a reset (the server could no longer say what this user lost) drops them with the rest.
  'offline_meeting_cases', 'offline_meetings',
] as const;

/** Deletes every mirrored row and merges the search indexes so the deleted terms leave them. */
export async function clearMirror(trx: Kysely<CacheDatabase>): Promise<void> {
  for (const table of MIRROR_TABLES) {
    await trx.deleteFrom(table).execute();
  }
  await mergeSearchIndexes(trx, SEARCH_INDEXES);
}
