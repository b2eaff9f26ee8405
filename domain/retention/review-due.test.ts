import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isReviewDue, nextReviewDate, reviewDueDate } from './review-due.ts';

const closure = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
const years = fc.integer({ min: 0, max: 40 });
const day = (iso: string) => iso.slice(0, 10);

describe('reviewDueDate', () => {
  it('is six years after closure on the same calendar day', () => {
    expect(reviewDueDate('2020-03-15T23:30:00.000Z', 6)).toBe('2026-03-15');
  });

  it('moves a 29 February closure to 28 February in a year without one, and keeps it in a leap year', () => {
    expect(reviewDueDate('2020-02-29T10:00:00.000Z', 1)).toBe('2021-02-28');
    expect(reviewDueDate('2020-02-29T10:00:00.000Z', 4)).toBe('2024-02-29');
  });

  it('is exactly the rule\'s number of years later, in the same month, never after the closure day of month', () => {
    fc.assert(fc.property(closure, years, (closedAt, n) => {
      const due = reviewDueDate(closedAt, n);
      const closed = new Date(closedAt);
      expect(Number(due.slice(0, 4))).toBe(closed.getUTCFullYear() + n);
      expect(Number(due.slice(5, 7))).toBe(closed.getUTCMonth() + 1);
      expect(Number(due.slice(8, 10))).toBeLessThanOrEqual(closed.getUTCDate());
      expect(Number(due.slice(8, 10))).toBeGreaterThanOrEqual(Math.min(closed.getUTCDate(), 28));
    }));
  });

  it('never falls before the closure, and a longer rule never makes a case due earlier', () => {
    fc.assert(fc.property(closure, years, years, (closedAt, a, b) => {
      expect(reviewDueDate(closedAt, a) >= day(closedAt)).toBe(true);
      expect(reviewDueDate(closedAt, Math.min(a, b)) <= reviewDueDate(closedAt, Math.max(a, b))).toBe(true);
    }));
  });

  it('refuses a bad closure time or a negative or fractional period', () => {
    expect(() => reviewDueDate('not a date', 6)).toThrow(RangeError);
    expect(() => reviewDueDate('2020-01-01T00:00:00.000Z', -1)).toThrow(RangeError);
    expect(() => reviewDueDate('2020-01-01T00:00:00.000Z', 1.5)).toThrow(RangeError);
  });
});

describe('nextReviewDate and isReviewDue', () => {
  const today = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2140-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => day(d.toISOString()));
  const keepUntil = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2140-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => day(d.toISOString()));

  it('an open case is never due, whatever the rule, decision or day', () => {
    fc.assert(fc.property(years, keepUntil, today, (n, until, on) => {
      expect(nextReviewDate({ status: 'open', closedAt: null }, n, { decision: 'keep', keepUntil: until })).toBeNull();
      expect(isReviewDue({ status: 'open', closedAt: '2000-01-01T00:00:00.000Z' }, n, null, on)).toBe(false);
    }));
  });

  it('a closed case is due exactly from the rule\'s date on, without a decision', () => {
    fc.assert(fc.property(closure, years, today, (closedAt, n, on) => {
      const c = { status: 'closed' as const, closedAt };
      expect(isReviewDue(c, n, null, on)).toBe(on >= reviewDueDate(closedAt, n));
    }));
  });

  it('a keep decision postpones the review to its date and never brings it forward', () => {
    fc.assert(fc.property(closure, years, keepUntil, today, (closedAt, n, until, on) => {
      const c = { status: 'closed' as const, closedAt };
      const next = nextReviewDate(c, n, { decision: 'keep', keepUntil: until })!;
      expect(next >= reviewDueDate(closedAt, n)).toBe(true);
      expect(next >= until).toBe(true);
      if (on < until) {
        expect(isReviewDue(c, n, { decision: 'keep', keepUntil: until }, on)).toBe(false);
      }
    }));
  });

  it('an erase decision leaves the case due on the rule\'s date', () => {
    fc.assert(fc.property(closure, years, (closedAt, n) => {
      expect(nextReviewDate({ status: 'closed', closedAt }, n, { decision: 'erase', keepUntil: null })).toBe(reviewDueDate(closedAt, n));
    }));
  });
});
