/** Calendar-date arithmetic on ISO dates (YYYY-MM-DD), free of time zones (docs/marac.md). */

/**
 * The date `months` calendar months after (or, negative, before) `date`. A day that the target month
 * lacks is clamped to its last day: 29 February plus twelve months is 28 February.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The ISO date of a timestamp in UTC. */
export function isoDateOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

const ukDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The ISO date of a timestamp in the UK (a MARAC meeting's day is a UK calendar day). */
export function ukDateOf(at: Date): string {
  return ukDate.format(at);
}
