/** "1 case", "2 cases", "12,415 cases": a count with its noun, in en-GB digits. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? singular : pluralForm}`;
}
