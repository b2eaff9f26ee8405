/** Words of the SafeLives MARAC data return screen (docs/marac.md). */
import type { Quarter } from '../../domain/marac/data-return-quarter.ts';

const QUARTER_MONTHS = ['January to March', 'April to June', 'July to September', 'October to December'] as const;

/** A calendar quarter in words: "2026 Q4 (October to December)". */
export function quarterWords(quarter: Quarter): string {
  const q = Number(quarter.slice(6));
  return `${quarter.slice(0, 4)} Q${String(q)} (${QUARTER_MONTHS[q - 1] ?? ''})`;
}

/** Said under the charts when suppression hides counts. */
export const SUPPRESSED_NOTE = 'Counts under 5 are shown as “fewer than 5” and left out of the charts.';
