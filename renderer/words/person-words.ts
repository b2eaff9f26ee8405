/** How a person is named and described on screen, in en-GB. */
import { GENDER_LABELS } from '../../domain/vocabulary-labels.ts';
import { formatDate } from './format-date-time.ts';

export { GENDER_LABELS };

/** "Given Family". */
export function fullName(person: { givenName: string; familyName: string }): string {
  return `${person.givenName} ${person.familyName}`.trim();
}

/** "Born 2 Apr 1988", "Born about 1988", or "Date of birth not known". */
export function birthWords(person: { dateOfBirth: string | null; estimatedBirthYear: number | null }): string {
  if (person.dateOfBirth) {
    return `Born ${formatDate(person.dateOfBirth)}`;
  }
  return person.estimatedBirthYear === null ? 'Date of birth not known' : `Born about ${person.estimatedBirthYear}`;
}

/** A gender value from the offline copy in words; an unexpected value is shown as it came. */
export function genderWords(gender: string): string {
  return (GENDER_LABELS as Record<string, string>)[gender] ?? gender;
}
