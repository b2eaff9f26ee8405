/** Pure name normalisation for matching and search: lower case, no accents, letters only. */

/** Lower-cases, strips accents and keeps letters and single spaces ("O'Brien-Smith" → "obrien smith"). */
export function normaliseName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

/** The words of a name after normalisation (at most `max`, to bound queries). */
export function nameTokens(value: string, max = 6): string[] {
  const normalised = normaliseName(value);
  return normalised === '' ? [] : normalised.split(' ').slice(0, max);
}

/** A person's display name: "Given Family", trimmed. */
export function displayName(givenName: string, familyName: string): string {
  return `${givenName.trim()} ${familyName.trim()}`.trim();
}
