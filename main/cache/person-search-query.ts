/** Name search over cached persons: FTS5 prefix match on names and aliases, ranking a bounded candidate set. */
import { sql, type Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { matchExpression, searchTerms } from './fts-match.ts';

/** A person found by name. */
export interface PersonHit {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  estimatedBirthYear: number | null;
  gender: string;
  aliases: Array<{ givenName: string; familyName: string }>;
}

/** The answer: the best `limit` hits; `truncated` when more candidates matched than were ranked (type more of the name). */
export interface PersonSearchResult {
  hits: PersonHit[];
  truncated: boolean;
}

/** How many prefix matches are ranked at most: ranking thousands by bm25 costs ~10 ms (DESIGN.md §4). */
export const PERSON_CANDIDATES = 500;

/**
 * Candidates are the whole-word matches and the prefix matches, each capped at PERSON_CANDIDATES
 * (FTS5 yields them unranked, cheaply); only those are ranked: whole words first, then bm25 with
 * names weighted over aliases, then family and given name.
 */
export async function searchPersons(db: Kysely<CacheDatabase>, input: string, limit = 50): Promise<PersonSearchResult> {
  const terms = searchTerms(input);
  if (terms.length === 0) {
    return { hits: [], truncated: false };
  }
  const { rows } = await sql<{
    id: string; given_name: string; family_name: string; date_of_birth: string | null; estimated_birth_year: number | null;
    gender: string; aliases: string; candidates: number;
  }>`
    WITH exact AS (
      SELECT rowid AS rid, bm25(person_fts, 2.0, 1.0) AS score, 0 AS tier FROM person_fts
      WHERE person_fts MATCH ${matchExpression(terms, false)} LIMIT ${PERSON_CANDIDATES}
    ), prefixed AS (
      SELECT rowid AS rid, bm25(person_fts, 2.0, 1.0) AS score, 1 AS tier FROM person_fts
      WHERE person_fts MATCH ${matchExpression(terms, true)} LIMIT ${PERSON_CANDIDATES + 1}
    ), candidates AS (
      SELECT rid, min(tier) AS tier, min(score) AS score FROM (SELECT * FROM exact UNION ALL SELECT * FROM prefixed) GROUP BY rid
    )
    SELECT p.id, p.given_name, p.family_name, p.date_of_birth, p.estimated_birth_year, p.gender, p.aliases, count(*) OVER () AS candidates
    FROM candidates c JOIN persons p ON p.rid = c.rid
    ORDER BY c.tier, c.score, p.family_name, p.given_name, p.id
    LIMIT ${limit}
  `.execute(db);
  return {
    // Whole-word matches are a subset of prefix matches, so more than the cap means the prefix set was cut.
    truncated: (rows[0]?.candidates ?? 0) > PERSON_CANDIDATES,
    hits: rows.map((r) => ({
      id: r.id, givenName: r.given_name, familyName: r.family_name, dateOfBirth: r.date_of_birth,
      estimatedBirthYear: r.estimated_birth_year, gender: r.gender, aliases: parseAliases(r.aliases),
    })),
  };
}

function parseAliases(json: string): PersonHit['aliases'] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? (value as PersonHit['aliases']) : [];
}
