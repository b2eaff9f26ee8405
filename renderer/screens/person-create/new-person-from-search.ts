/**
 * The names and date of birth a search carries into "Record a new person": the last word searched is
 * taken as the family name and the words before it as given names, so "Rosa Featherby" fills both
 * and a single word fills only the family name. The user checks and corrects them in the form.
 */

/** What the new-person form starts from. */
export interface NewPersonStart {
  givenName: string;
  familyName: string;
  dateOfBirth: string | undefined;
}

/** Splits what was searched into the new person's starting names. */
export function newPersonFromSearch(text: string, dateOfBirth: string | null): NewPersonStart {
  const words = text.trim().split(/\s+/).filter((w) => w !== '');
  const familyName = words.pop() ?? '';
  return { givenName: words.join(' '), familyName, dateOfBirth: dateOfBirth ?? undefined };
}
