/**
 * Duplicate detection for the golden nominal: scores how likely an existing person is the same
 * real person as a candidate. Explained scoring, so the UI can say why a match was offered:
 *
 * - name (70 %): the best pair among the candidate's and the existing person's names and aliases;
 *   per pair 55 % Jaro-Winkler of family names + 35 % of given names + 5 % each for equal Soundex
 *   keys; given/family swapped counts at 90 %. Below MIN_NAME_SCORE the person is no match at all.
 * - date of birth (30 %): same date 1; day and month swapped 0.7; year within the estimate
 *   tolerance when either side is only a year 0.6; same year 0.5; nothing to compare 0.4; else 0.
 * - a different known gender subtracts 0.1.
 */
import { jaroWinkler } from './jaro-winkler.ts';
import { normaliseName } from './name-normalise.ts';
import { namePartKey } from './soundex.ts';

/** A name as entered. */
export interface MatchName {
  givenName: string;
  familyName: string;
}

/** What the matcher compares: names, aliases, birth date or estimated year, gender. */
export interface MatchPerson extends MatchName {
  aliases: readonly MatchName[];
  dateOfBirth: string | null;
  estimatedBirthYear: number | null;
  gender?: string | null;
}

/** An existing person to compare against. */
export interface ExistingPerson extends MatchPerson {
  id: string;
}

/** Why a match was offered. */
export type MatchReason =
  | 'same_family_name_sound' | 'same_given_name_sound' | 'similar_name' | 'alias' | 'names_swapped'
  | 'same_date_of_birth' | 'day_month_swapped' | 'birth_year_within_estimate' | 'same_year_of_birth'
  | 'different_date_of_birth' | 'no_date_of_birth_to_compare' | 'different_gender';

/** One scored match. */
export interface PersonMatch {
  id: string;
  /** 0..1, rounded to three decimals. */
  score: number;
  reasons: MatchReason[];
}

/** Names less alike than this are never offered as a match. */
export const MIN_NAME_SCORE = 0.8;
/** How many years an estimated birth year may be off. */
export const ESTIMATE_TOLERANCE_YEARS = 2;
const UNKNOWN_GENDERS = new Set(['unknown', 'not_known', 'other']);

interface NameScore {
  score: number;
  reasons: MatchReason[];
}

function pairScore(a: MatchName, b: MatchName): NameScore {
  const fam = jaroWinkler(normaliseName(a.familyName), normaliseName(b.familyName));
  const giv = jaroWinkler(normaliseName(a.givenName), normaliseName(b.givenName));
  const famSound = namePartKey(a.familyName) !== '' && namePartKey(a.familyName) === namePartKey(b.familyName);
  const givSound = namePartKey(a.givenName) !== '' && namePartKey(a.givenName) === namePartKey(b.givenName);
  const reasons: MatchReason[] = ['similar_name'];
  if (famSound) {
    reasons.push('same_family_name_sound');
  }
  if (givSound) {
    reasons.push('same_given_name_sound');
  }
  return { score: Math.min(1, 0.55 * fam + 0.35 * giv + (famSound ? 0.05 : 0) + (givSound ? 0.05 : 0)), reasons };
}

/** The best name score between two people over all their names, aliases and a given/family swap. */
export function nameScore(candidate: MatchPerson, existing: MatchPerson): NameScore {
  const mine = [candidate, ...candidate.aliases];
  const theirs: Array<{ name: MatchName; alias: boolean }> = [
    { name: existing, alias: false }, ...existing.aliases.map((name) => ({ name, alias: true })),
  ];
  let best: NameScore = { score: 0, reasons: [] };
  for (const a of mine) {
    for (const { name, alias } of theirs) {
      const straight = pairScore(a, name);
      const swapped = pairScore(a, { givenName: name.familyName, familyName: name.givenName });
      const useSwap = swapped.score * 0.9 > straight.score;
      const chosen = useSwap ? { score: swapped.score * 0.9, reasons: [...swapped.reasons, 'names_swapped' as const] } : straight;
      if (alias) {
        chosen.reasons.push('alias');
      }
      if (chosen.score > best.score) {
        best = chosen;
      }
    }
  }
  return best;
}

function yearOf(p: MatchPerson): number | null {
  return p.dateOfBirth !== null ? Number(p.dateOfBirth.slice(0, 4)) : p.estimatedBirthYear;
}

/** The date-of-birth component (0..1) and its reason. */
export function birthScore(a: MatchPerson, b: MatchPerson): { score: number; reason: MatchReason } {
  const ya = yearOf(a);
  const yb = yearOf(b);
  if (ya === null || yb === null) {
    return { score: 0.4, reason: 'no_date_of_birth_to_compare' };
  }
  if (a.dateOfBirth !== null && b.dateOfBirth !== null) {
    if (a.dateOfBirth === b.dateOfBirth) {
      return { score: 1, reason: 'same_date_of_birth' };
    }
    const [, am, ad] = a.dateOfBirth.split('-');
    const [, bm, bd] = b.dateOfBirth.split('-');
    if (ya === yb && am === bd && ad === bm) {
      return { score: 0.7, reason: 'day_month_swapped' };
    }
    return ya === yb ? { score: 0.5, reason: 'same_year_of_birth' } : { score: 0, reason: 'different_date_of_birth' };
  }
  return Math.abs(ya - yb) <= ESTIMATE_TOLERANCE_YEARS
    ? { score: 0.6, reason: 'birth_year_within_estimate' }
    : { score: 0, reason: 'different_date_of_birth' };
}

/** Scores one existing person against the candidate, or null when the names are not alike enough. */
export function scorePersonMatch(candidate: MatchPerson, existing: ExistingPerson): PersonMatch | null {
  const names = nameScore(candidate, existing);
  if (names.score < MIN_NAME_SCORE) {
    return null;
  }
  const birth = birthScore(candidate, existing);
  const reasons: MatchReason[] = [...new Set(names.reasons), birth.reason];
  let score = 0.7 * names.score + 0.3 * birth.score;
  const genders = [candidate.gender, existing.gender];
  if (genders.every((g) => typeof g === 'string' && !UNKNOWN_GENDERS.has(g)) && candidate.gender !== existing.gender) {
    score -= 0.1;
    reasons.push('different_gender');
  }
  return { id: existing.id, score: Math.round(Math.max(0, score) * 1000) / 1000, reasons };
}

/** Ranks existing persons by how likely each is the candidate: best first, ties by id, at most `limit`. */
export function rankPersonMatches(candidate: MatchPerson, existing: readonly ExistingPerson[], limit = 10): PersonMatch[] {
  return existing
    .map((e) => scorePersonMatch(candidate, e))
    .filter((m): m is PersonMatch => m !== null)
    .sort((x, y) => y.score - x.score || x.id.localeCompare(y.id))
    .slice(0, limit);
}
