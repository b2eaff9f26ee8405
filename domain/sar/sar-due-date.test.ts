import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween, sarDueOn, sarExtendedDueOn, sarTimeliness, SAR_DUE_SOON_DAYS } from './sar-due-date.ts';

const isoDate = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const parts = (date: string) => date.split('-').map(Number) as [number, number, number];

describe('the SAR due date (ICO: the day of receipt is day one)', () => {
  it("is the corresponding day of the next month: received 3 September, due 3 October (the ICO's example)", () => {
    expect(sarDueOn('2026-09-03')).toBe('2026-10-03');
    expect(sarDueOn('2026-12-15')).toBe('2027-01-15');
  });

  it('is the last day of the next month when it has no corresponding day', () => {
    expect(sarDueOn('2027-01-31')).toBe('2027-02-28');
    expect(sarDueOn('2028-01-30')).toBe('2028-02-29');
    expect(sarDueOn('2026-03-31')).toBe('2026-04-30');
  });

  it('for every receipt date: the next calendar month, the same day or that month\'s last day, never earlier than 28 days', () => {
    fc.assert(fc.property(isoDate, (received) => {
      const due = sarDueOn(received);
      const [y, m, d] = parts(received);
      const [dy, dm, dd] = parts(due);
      expect(dy * 12 + dm).toBe(y * 12 + m + 1);
      expect(dd).toBe(Math.min(d, lastDayOf(dy, dm)));
      expect(daysBetween(received, due)).toBeGreaterThanOrEqual(28);
      expect(daysBetween(received, due)).toBeLessThanOrEqual(31);
    }));
  });

  it('an extension of one or two months counts from receipt and never comes before the first due date', () => {
    expect(sarExtendedDueOn('2027-01-31', 2)).toBe('2027-04-30');
    expect(sarExtendedDueOn('2026-09-03', 2)).toBe('2026-12-03');
    fc.assert(fc.property(isoDate, fc.constantFrom(1, 2), (received, months) => {
      const extended = sarExtendedDueOn(received, months);
      const [y, m] = parts(received);
      const [ey, em] = parts(extended);
      expect(ey * 12 + em).toBe(y * 12 + m + 1 + months);
      expect(extended > sarDueOn(received)).toBe(true);
    }));
  });

  it('refuses an extension of anything but one or two whole months', () => {
    for (const months of [0, 3, 1.5, -1, Number.NaN]) {
      expect(() => sarExtendedDueOn('2026-09-03', months)).toThrow(RangeError);
    }
  });
});

describe('due soon and overdue', () => {
  it('is in time on the due day, overdue the day after, and due soon within a week', () => {
    expect(sarTimeliness('2026-10-03', '2026-10-03')).toBe('due_soon');
    expect(sarTimeliness('2026-10-03', '2026-10-04')).toBe('overdue');
    expect(sarTimeliness('2026-10-03', '2026-09-26')).toBe('due_soon');
    expect(sarTimeliness('2026-10-03', '2026-09-25')).toBe('on_time');
  });

  it('for every pair of dates, follows the days left', () => {
    fc.assert(fc.property(isoDate, isoDate, (due, today) => {
      const left = daysBetween(today, due);
      const expected = left < 0 ? 'overdue' : left <= SAR_DUE_SOON_DAYS ? 'due_soon' : 'on_time';
      expect(sarTimeliness(due, today)).toBe(expected);
    }));
  });
});
