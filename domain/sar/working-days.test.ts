import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sarDueDates } from './sar-due-date.ts';
import { isWorkingDay, workingDayOnOrAfter } from './working-days.ts';

// A synthetic calendar: Christmas 2026 and its Boxing Day substitute (Monday 28 December).
const holidays = new Set(['2026-12-25', '2026-12-28']);
const isHoliday = (d: string) => holidays.has(d);
const isoDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('the next working day', () => {
  it('keeps a working day, and moves a weekend or a bank holiday to the first working day after', () => {
    expect(workingDayOnOrAfter('2026-11-03', isHoliday)).toBe('2026-11-03');
    expect(workingDayOnOrAfter('2026-10-03', isHoliday)).toBe('2026-10-05');
    // Saturday 26 → Sunday 27 → Monday 28 (bank holiday) → Tuesday 29.
    expect(workingDayOnOrAfter('2026-12-26', isHoliday)).toBe('2026-12-29');
  });

  it('for any date: a working day, on or after it, with no working day in between', () => {
    fc.assert(fc.property(isoDate, (date) => {
      const day = workingDayOnOrAfter(date, isHoliday);
      expect(isWorkingDay(day, isHoliday)).toBe(true);
      expect(day >= date).toBe(true);
      for (let d = date; d < day; d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) {
        expect(isWorkingDay(d, isHoliday)).toBe(false);
      }
    }));
  });

  it('refuses a calendar with no working day in sight', () => {
    expect(() => workingDayOnOrAfter('2026-01-01', () => true)).toThrow(RangeError);
  });
});

describe('a request\'s due dates', () => {
  it('keeps the calendar date and moves the deadline off a weekend and bank holiday, extended or not', () => {
    expect(sarDueDates('2026-11-26', null, isHoliday)).toEqual({ calendarDueOn: '2026-12-26', dueOn: '2026-12-29' });
    expect(sarDueDates('2026-11-04', null, isHoliday)).toEqual({ calendarDueOn: '2026-12-04', dueOn: '2026-12-04' });
    expect(sarDueDates('2026-09-26', 2, isHoliday)).toEqual({ calendarDueOn: '2026-12-26', dueOn: '2026-12-29' });
  });
});
