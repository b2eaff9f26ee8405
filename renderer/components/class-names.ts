/** Joins class names for `className`, leaving out the ones a condition turned off. */
export function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
