/**
 * The expiry a decider picks when approving access: a calendar day, from tomorrow to MAX_GRANT_DAYS
 * days ahead (the server's limit); the grant ends at the start of that day, this computer's time.
 */
import { MAX_GRANT_DAYS } from '../../../domain/entities/access-request.ts';

/** The expiry offered when the dialog opens. */
export const DEFAULT_GRANT_DAYS = 30;

/** `YYYY-MM-DD` of the local calendar day `days` after `from`. */
export function localDatePlus(from: Date, days: number): string {
  const day = new Date(from.getFullYear(), from.getMonth(), from.getDate() + days);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/** The moment a grant chosen to end on `date` ends: the start of that local day, as an ISO timestamp. */
export function grantExpiresAt(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day).toISOString();
}

/** Why the chosen day cannot be the expiry, or undefined when it can. */
export function grantExpiryError(date: string | null, now: Date): string | undefined {
  if (date === null) {
    return 'Enter the day the access ends.';
  }
  if (date <= localDatePlus(now, 0)) {
    return 'The access must end on a day after today.';
  }
  if (date > localDatePlus(now, MAX_GRANT_DAYS)) {
    return `Access can be given for at most ${MAX_GRANT_DAYS} days: choose a day no later than ${localDatePlus(now, MAX_GRANT_DAYS)}.`;
  }
  return undefined;
}
