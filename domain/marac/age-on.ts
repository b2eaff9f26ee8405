/** A person's age in whole years on a calendar date (docs/marac.md, the data return). */

/**
 * Completed years from `dateOfBirth` to `on` (both `YYYY-MM-DD`): a year is completed on the
 * birthday itself. Someone born on 29 February completes a year on 1 March in a year without one
 * (as in UK law), since 28 February comes before their birthday.
 */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  const beforeBirthday = m < bm || (m === bm && d < bd);
  return y - by - (beforeBirthday ? 1 : 0);
}
