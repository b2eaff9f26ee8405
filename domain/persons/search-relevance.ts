/** How well a free-text person search ("jon smi") fits a person's names and aliases. */
import { jaroWinkler } from './jaro-winkler.ts';
import { nameTokens } from './name-normalise.ts';
import { soundex } from './soundex.ts';
import type { MatchName } from './rank-person-matches.ts';

/** A search word must fit some name word at least this well. */
export const MIN_TOKEN_FIT = 0.85;

function tokenFit(token: string, word: string): number {
  if (word.startsWith(token)) {
    return 1;
  }
  if (token.length >= 2 && soundex(token) === soundex(word)) {
    return 0.9;
  }
  return jaroWinkler(token, word);
}

/** Mean fit (0..1) of every search word to its best name word, or null when any word fits nothing. */
export function searchRelevance(query: string, names: readonly MatchName[]): number | null {
  const tokens = nameTokens(query);
  const words = names.flatMap((n) => [...nameTokens(n.givenName), ...nameTokens(n.familyName)]);
  if (tokens.length === 0 || words.length === 0) {
    return null;
  }
  let total = 0;
  for (const token of tokens) {
    const best = Math.max(...words.map((w) => tokenFit(token, w)));
    if (best < MIN_TOKEN_FIT) {
      return null;
    }
    total += best;
  }
  return Math.round((total / tokens.length) * 1000) / 1000;
}
