/**
 * American Soundex (the US National Archives rules, including the H/W rule), used as the phonetic
 * key that finds duplicate-person candidates cheaply; Jaro-Winkler then ranks them.
 */
import { normaliseName } from './name-normalise.ts';

const CODES: Record<string, string> = {
  b: '1', f: '1', p: '1', v: '1',
  c: '2', g: '2', j: '2', k: '2', q: '2', s: '2', x: '2', z: '2',
  d: '3', t: '3',
  l: '4',
  m: '5', n: '5',
  r: '6',
};

/** The four-character Soundex code of one word ("Smith" and "Smyth" → "S530"); '' for no letters. */
export function soundex(word: string): string {
  const letters = normaliseName(word).replace(/ /g, '');
  const first = letters[0];
  if (first === undefined) {
    return '';
  }
  let code = first.toUpperCase();
  let previous = CODES[first] ?? '';
  for (const ch of letters.slice(1)) {
    const digit = CODES[ch];
    if (digit !== undefined) {
      if (digit !== previous) {
        code += digit;
      }
      previous = digit;
    } else if (ch !== 'h' && ch !== 'w') {
      // A vowel separates equal codes; H and W do not (the archive rule).
      previous = '';
    }
    if (code.length === 4) {
      break;
    }
  }
  return code.padEnd(4, '0');
}

/** The phonetic key of a whole name part: the Soundex of its first word (family names may be double-barrelled). */
export function namePartKey(namePart: string): string {
  const firstWord = normaliseName(namePart).split(' ')[0] ?? '';
  return soundex(firstWord);
}

/** The stored `name_key` of a person or alias: "FAMILY|GIVEN" Soundex codes, so a family-key prefix finds candidates. */
export function personNameKey(givenName: string, familyName: string): string {
  return `${namePartKey(familyName)}|${namePartKey(givenName)}`;
}
