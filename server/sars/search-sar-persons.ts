/**
 * Finding the person a request is about (docs/audit.md): data officers do not search people in the
 * ordinary way (they read no case content), so this runs the person search as the agency's managers
 * would (`sarHoldingsViewer`) and answers names and years of birth only.
 */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { SarPersonHit } from '../../domain/http/sar-routes.ts';
import { searchRelevance } from '../../domain/persons/search-relevance.ts';
import { aliasesOf, searchPersonRows } from '../persons/person-queries.ts';
import { viewPersons, yearOfBirth } from '../persons/person-record.ts';
import { holdingsViewerOf } from './sar-holdings.ts';

/** At most this many people. */
const LIMIT = 25;

/** The people `agencyId` could find by `q`, best match first. */
export async function searchSarPersons(db: Kysely<ServerDatabase>, agencyId: string, at: string, q: string): Promise<SarPersonHit[]> {
  const viewer = await holdingsViewerOf(db, agencyId);
  const rows = (await searchPersonRows(db, viewer, at, q)).filter((r) => r.merged_into_id === null);
  const viewed = (await viewPersons(db, viewer, at, rows)).filter((p) => p.view !== 'none');
  const aliases = await aliasesOf(db, viewed.map((p) => p.row.id));
  return viewed
    .map((p) => ({ p, score: searchRelevance(q, [{ givenName: p.row.given_name, familyName: p.row.family_name }, ...(aliases.get(p.row.id) ?? [])]) }))
    .filter((s) => s.score !== null)
    .sort((a, b) => b.score! - a.score! || a.p.row.family_name.localeCompare(b.p.row.family_name) || a.p.row.id.localeCompare(b.p.row.id))
    .slice(0, LIMIT)
    .map(({ p }) => ({ id: p.row.id, name: `${p.row.given_name} ${p.row.family_name}`, yearOfBirth: yearOfBirth(p.row) }));
}
