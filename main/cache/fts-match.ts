/** Turns what a user typed into a safe FTS5 MATCH expression. */

/** At most this many words count; the rest are ignored (a name or a reference never needs more). */
export const MAX_SEARCH_TERMS = 8;

/**
 * The words of the input (letters and digits, any script), each quoted so FTS5 syntax in the input
 * (`OR`, `NEAR`, `"`, `*`, `:`) is taken literally. Empty when nothing searchable was typed.
 */
export function searchTerms(input: string): string[] {
  return (input.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_SEARCH_TERMS);
}

/** Every term must match; `prefix` makes each a prefix query ("qui" finds "Quill"). */
export function matchExpression(terms: string[], prefix: boolean): string {
  return terms.map((t) => `"${t}"${prefix ? '*' : ''}`).join(' AND ');
}
