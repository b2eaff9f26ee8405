/**
 * Duplicate detection against the golden nominal, limited to what the caller may know of: full
 * records and minimal profiles are compared on their full birth date; stubs only on year of birth, so neither the score
 * nor the reasons reveal a day or month the caller may not see. Persons the caller may not know
 * of (view 'none') and merged persons are never compared at all.
 */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { LikelyMatch } from '../../domain/entities/person.ts';
import { rankPersonMatches, type ExistingPerson, type MatchPerson } from '../../domain/persons/rank-person-matches.ts';
import { seesPersonRecord } from '../../domain/policy/person-policy.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { aliasesOf, findMatchCandidates } from './person-queries.ts';
import { toPersonResults, viewPersons, yearOfBirth } from './person-record.ts';

/** At most this many likely matches are returned. */
export const MATCH_LIMIT = 10;

/** The likely existing matches for `candidate`, best first, each full, profile or stub per the caller's view. */
export async function matchPersons(
  db: Kysely<ServerDatabase>, user: PolicyUser, at: string, candidate: MatchPerson, excludeId?: string,
): Promise<LikelyMatch[]> {
  const rows = await findMatchCandidates(db, user, at, [candidate, ...candidate.aliases], excludeId);
  const viewed = (await viewPersons(db, user, at, rows)).filter((p) => p.view !== 'none');
  const aliases = await aliasesOf(db, viewed.map((p) => p.row.id));
  const existing: ExistingPerson[] = viewed.map(({ row, view }) => ({
    id: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    aliases: aliases.get(row.id) ?? [],
    dateOfBirth: seesPersonRecord(view) ? row.date_of_birth : null,
    estimatedBirthYear: seesPersonRecord(view) ? (row.estimated_birth_year === null ? null : Number(row.estimated_birth_year)) : yearOfBirth(row),
    gender: seesPersonRecord(view) ? row.gender : null,
  }));
  const ranked = rankPersonMatches(candidate, existing, MATCH_LIMIT);
  const byId = new Map(viewed.map((p) => [p.row.id, p]));
  const results = new Map((await toPersonResults(db, user, ranked.map((m) => byId.get(m.id)!))).map((r) => [r.id, r]));
  const matches: LikelyMatch[] = [];
  for (const m of ranked) {
    const result = results.get(m.id);
    if (result?.view === 'full' || result?.view === 'profile') {
      matches.push({ view: result.view, score: m.score, reasons: m.reasons, person: result.person });
    } else if (result?.view === 'stub') {
      matches.push({ view: 'stub', score: m.score, reasons: m.reasons, person: result.person });
    }
  }
  return matches;
}
