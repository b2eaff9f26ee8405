/** Name search over cached persons: FTS5 word-prefix and trigram substring matches on names and aliases, ranking a bounded candidate set. */
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

/** How many prefix matches are ranked at most: ranking thousands by bm25 costs ~10 ms (docs/sync.md). */
export const PERSON_CANDIDATES = 500;

/** The shortest word the trigram index can find inside a name (shorter words hold no trigram). */
export const SUBSTRING_MIN_CHARS = 3;

/**
 * Candidates are the whole-word matches, the prefix matches and, when every word has at least
 * SUBSTRING_MIN_CHARS characters, the matches anywhere inside a name or an alias (`person_trigram`:
 * "wick" finds an alias "Thornwick"), each capped at PERSON_CANDIDATES (FTS5 yields them unranked,
 * cheaply); only those are ranked: whole words first, then prefixes, each by bm25 with names weighted
 * over aliases, then substrings; ties by family and given name. Substrings rank last, so they are
 * looked up only when the prefix matches leave room in the page (which also keeps short prefixes fast).
 * A `dateOfBirth` (YYYY-MM-DD) keeps only people born that day or estimated to be born in its year
 * (people with neither are left out); it narrows every candidate set before its cap and before the
 * page's limit, so the page and `truncated` are about the people who fit it.
 */
export async function searchPersons(db: Kysely<CacheDatabase>, input: string, limit = 50, dateOfBirth?: string): Promise<PersonSearchResult> {
  const terms = searchTerms(input);
  if (terms.length === 0) {
    return { hits: [], truncated: false };
  }
  // Each word a quoted phrase: the trigram tokenizer matches it anywhere inside a name or an alias.
  const substring = terms.every((t) => [...t].length >= SUBSTRING_MIN_CHARS) ? terms.map((t) => `"${t}"`).join(' AND ') : null;
  // `+rowid` keeps the constraint away from FTS5's planner (which would run the MATCH once per fitting person).
  const born = dateOfBirth === undefined ? sql`1` : sql`+rowid IN (
    SELECT rid FROM persons WHERE date_of_birth = ${dateOfBirth} OR estimated_birth_year = ${Number(dateOfBirth.slice(0, 4))}
  )`;
  const { rows } = await sql<{
    id: string; given_name: string; family_name: string; date_of_birth: string | null; estimated_birth_year: number | null;
    gender: string; aliases: string; prefix_hits: number; substring_hits: number;
  }>`
    WITH exact AS (
      SELECT rowid AS rid, bm25(person_fts, 2.0, 1.0) AS score, 0 AS tier FROM person_fts
      WHERE person_fts MATCH ${matchExpression(terms, false)} AND ${born} LIMIT ${PERSON_CANDIDATES}
    ), prefixed AS (
      SELECT rowid AS rid, bm25(person_fts, 2.0, 1.0) AS score, 1 AS tier FROM person_fts
      WHERE person_fts MATCH ${matchExpression(terms, true)} AND ${born} LIMIT ${PERSON_CANDIDATES + 1}
    ), inside AS (
      SELECT rowid AS rid, 0.0 AS score, 2 AS tier FROM person_trigram
      WHERE ${substring === null ? sql`0` : sql`person_trigram MATCH ${substring}`} AND ${born} AND (SELECT count(*) FROM prefixed) < ${limit}
      LIMIT ${PERSON_CANDIDATES + 1}
    ), candidates AS (
      SELECT rid, min(tier) AS tier, min(score) AS score FROM (SELECT * FROM exact UNION ALL SELECT * FROM prefixed UNION ALL SELECT * FROM inside)
      GROUP BY rid
    )
    SELECT p.id, p.given_name, p.family_name, p.date_of_birth, p.estimated_birth_year, p.gender, p.aliases,
      (SELECT count(*) FROM prefixed) AS prefix_hits, (SELECT count(*) FROM inside) AS substring_hits
    FROM candidates c JOIN persons p ON p.rid = c.rid
    ORDER BY c.tier, c.score, p.family_name, p.given_name, p.id
    LIMIT ${limit}
  `.execute(db);
  const first = rows[0];
  return {
    // Whole-word matches are a subset of prefix matches, so more than the cap means the prefix or the substring set was cut.
    truncated: first !== undefined && (first.prefix_hits > PERSON_CANDIDATES || first.substring_hits > PERSON_CANDIDATES),
    hits: rows.map((r) => ({
      id: r.id, givenName: r.given_name, familyName: r.family_name, dateOfBirth: r.date_of_birth,
      estimatedBirthYear: r.estimated_birth_year, gender: r.gender, aliases: parseAliases(r.aliases),
    })),
  };
}

/** A cached person's aliases column (JSON) as a list; anything else reads as none. */
export function parseAliases(json: string): PersonHit['aliases'] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? (value as PersonHit['aliases']) : [];
}
