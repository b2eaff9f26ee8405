/**
 * The one- and two-character pieces of a case's reference and title, as index tokens: what lets the
 * queue's shortest text filters go through an index (migration 0013). A trigram index holds nothing
 * shorter than three characters, so without these a filter of "z" or "7b" read every case.
 *
 * Each piece is folded to lower case one character at a time (as the trigram tokenizer's
 * `case_sensitive 0` folds: "É" and "é" alike, the Kelvin sign as "k"), then written as the hex of its
 * UTF-8 bytes, so every piece is one plain token whatever it holds (quotes, `*`, `%`, `_`, letters of any
 * script) and the index's own tokenizer cannot split or fold it again. Pieces holding white space are
 * left out: a filter is trimmed, so it never starts or ends with a space.
 */

/** The SQL function the cache's triggers call (registered on every cache connection). */
export const SHORT_GRAMS_FUNCTION = 'case_short_grams';

const SPACE = /\s/u;
const utf8 = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const ASCII = /^\p{ASCII}*$/u;

/** One character in lower case, unless lower-casing makes it more than one character (then as it is). */
function foldChar(ch: string): string {
  const lower = ch.toLowerCase();
  return [...lower].length === 1 ? lower : ch;
}

/** The index token of a piece of one or two characters (already folded). */
function token(piece: string): string {
  let hex = '';
  for (const byte of utf8.encode(piece)) {
    hex += HEX[byte];
  }
  return hex;
}

/** The token a text filter of one or two characters looks up (the caller trims it first). */
export function shortGramToken(filter: string): string {
  return token([...filter].map(foldChar).join(''));
}

// ASCII white space as `\s` has it: tab, line feed, vertical tab, form feed, carriage return, space.
const isAsciiSpace = (code: number) => code === 32 || (code >= 9 && code <= 13);

/**
 * Every distinct one- and two-character piece of each text, as space-separated tokens. A piece never
 * spans two texts: the reference's last character and the title's first are not a piece. Runs in every
 * write of a case, so ASCII text (nearly all of it) takes a path of character codes: a piece is a number
 * (`code`, or `128 + 128 * first + second`), its token two or four hex digits; any other text goes
 * character by character.
 */
export function shortGramTokens(...texts: Array<string | null>): string {
  const codes = new Set<number>();
  const others = new Set<string>();
  for (const text of texts) {
    if (text === null || text === '') {
      continue;
    }
    if (ASCII.test(text)) {
      addAsciiPieces(text.toLowerCase(), codes);
    } else {
      addPieces(text, others);
    }
  }
  const tokens: string[] = [];
  for (const code of codes) {
    tokens.push(code < 128 ? HEX[code]! : HEX[Math.floor((code - 128) / 128)]! + HEX[(code - 128) % 128]!);
  }
  for (const piece of others) {
    tokens.push(token(piece));
  }
  // An ASCII text and another may share a piece: each token once.
  return (others.size === 0 ? tokens : [...new Set(tokens)]).join(' ');
}

function addAsciiPieces(lower: string, codes: Set<number>): void {
  for (let i = 0; i < lower.length; i += 1) {
    const code = lower.charCodeAt(i);
    if (isAsciiSpace(code)) {
      continue;
    }
    codes.add(code);
    const next = i + 1 < lower.length ? lower.charCodeAt(i + 1) : 32;
    if (!isAsciiSpace(next)) {
      codes.add(128 + 128 * code + next);
    }
  }
}

function addPieces(text: string, pieces: Set<string>): void {
  const chars = [...text].map(foldChar);
  chars.forEach((ch, i) => {
    if (SPACE.test(ch)) {
      return;
    }
    pieces.add(ch);
    const next = chars[i + 1];
    if (next !== undefined && !SPACE.test(next)) {
      pieces.add(ch + next);
    }
  });
}
