/**
 * When a closed case is due for a retention review (docs/audit.md, "Retention and erasure"):
 * pure, synchronous, I/O-free.
 */

/** A calendar date, `YYYY-MM-DD`. */
export type CalendarDate = string;

/** The latest review decision on a case, as far as the due date is concerned. */
export interface ReviewDecisionInput {
  decision: 'keep' | 'erase';
  /** For `keep`: the date until which the case is kept (it is due again on that date). */
  keepUntil: CalendarDate | null;
}

/** The case as the rule sees it. */
export interface RetentionCaseInput {
  status: 'open' | 'closed';
  /** When the case was closed (ISO time); null while open. */
  closedAt: string | null;
}

/**
 * The date `years` whole years after the closure's UTC calendar date. A closure on 29 February
 * falls due on 28 February in a year without one (never after the rule's period).
 */
export function reviewDueDate(closedAt: string, years: number): CalendarDate {
  const closed = new Date(closedAt);
  if (Number.isNaN(closed.getTime()) || !Number.isInteger(years) || years < 0) {
    throw new RangeError('reviewDueDate needs a valid closure time and a whole, non-negative number of years.');
  }
  const year = closed.getUTCFullYear() + years;
  const month = closed.getUTCMonth();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(closed.getUTCDate(), lastDay);
  return new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);
}

/**
 * When the case next needs a review: null while it is open (or has no closure time); else the
 * rule's date, moved to the `keep until` date of a later keep decision. An erase decision leaves
 * the rule's date (the case is due, and waits for its erasure).
 */
export function nextReviewDate(c: RetentionCaseInput, years: number, latest: ReviewDecisionInput | null): CalendarDate | null {
  if (c.status !== 'closed' || c.closedAt === null) {
    return null;
  }
  const byRule = reviewDueDate(c.closedAt, years);
  if (latest?.decision === 'keep' && latest.keepUntil !== null && latest.keepUntil > byRule) {
    return latest.keepUntil;
  }
  return byRule;
}

/** True when the case is due for review on `today` (a calendar date). */
export function isReviewDue(c: RetentionCaseInput, years: number, latest: ReviewDecisionInput | null, today: CalendarDate): boolean {
  const due = nextReviewDate(c, years, latest);
  return due !== null && due <= today;
}
