/**
 * Does kept audit text (a search's terms, a duplicate check's names, a written justification) name
 * something an erasure removes? Pure, so the rule can be read and tested on its own (docs/audit.md,
 * "What the audit trail holds after an erasure"; docs/decisions.md).
 *
 * Text is compared as words: Unicode-folded (accents dropped), lower case, apostrophes removed
 * ("O'Brien" is "obrien"), split on anything that is not a letter or digit. A text names
 * - a person when it holds their family name, or an alias's, as whole words in order (a surname is
 *   how people are searched for: "Vandersnatch" names Ottoline Vandersnatch, and any other
 *   Vandersnatch searched for loses their terms too, which errs towards erasing); or their given name
 *   together with their date of birth (a duplicate check sends both); a given name alone does not;
 * - a case by its reference, as whole words in order ("POL-2026-00012");
 * - a place by its address line as whole words in order, or its postcode with or without spaces.
 * A misspelt, partial or transliterated search does not match: it is not the erased words.
 */

/** What an erasure removes, as the words that identify it. */
export interface ErasedIdentities {
  persons: ReadonlyArray<{
    givenName: string;
    familyName: string;
    dateOfBirth: string | null;
    aliases: ReadonlyArray<{ givenName: string; familyName: string }>;
  }>;
  references: readonly string[];
  places: ReadonlyArray<{ addressLine: string; postcode: string | null }>;
}

/** The words of a text, folded for comparison. */
export function foldedWords(text: string): string[] {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’`]/g, '').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** Every string inside a kept value (terms are objects, arrays and strings), in order. */
export function textsOf(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  if (Array.isArray(value)) {
    return value.flatMap(textsOf);
  }
  if (value !== null && typeof value === 'object') {
    return Object.values(value).flatMap(textsOf);
  }
  return [];
}

/** Whether `phrase` occurs in `words` as whole words in order; an empty phrase never does. */
function holdsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) {
    return false;
  }
  for (let i = 0; i + phrase.length <= words.length; i += 1) {
    if (phrase.every((w, j) => words[i + j] === w)) {
      return true;
    }
  }
  return false;
}

const compact = (text: string) => foldedWords(text).join('');

/** Whether any of the texts names an erased person, case or place (the rules above). */
export function namesErased(texts: readonly string[], erased: ErasedIdentities): boolean {
  if (texts.length === 0) {
    return false;
  }
  const words = texts.map(foldedWords);
  const has = (phrase: string) => {
    const p = foldedWords(phrase);
    return words.some((w) => holdsPhrase(w, p));
  };
  const dates = new Set(texts.map((t) => t.trim()));
  const compacts = texts.map(compact);
  return erased.persons.some((p) =>
    [p.familyName, ...p.aliases.map((a) => a.familyName)].some(has)
    || (p.dateOfBirth !== null && dates.has(p.dateOfBirth) && [p.givenName, ...p.aliases.map((a) => a.givenName)].some(has)))
    || erased.references.some(has)
    || erased.places.some((place) => has(place.addressLine)
      || (place.postcode !== null && compact(place.postcode).length >= 5 && compacts.some((c) => c.includes(compact(place.postcode!)))));
}
