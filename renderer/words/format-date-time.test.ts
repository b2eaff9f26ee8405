import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTimeOfDay } from './format-date-time.ts';

describe('formatDateTime', () => {
  it('writes day, short month, year and 24-hour time in British order', () => {
    expect(formatDateTime('2026-11-24T09:30:00.000Z', { timeZone: 'UTC' })).toBe('24 Nov 2026, 09:30');
  });

  it('uses the given time zone (British Summer Time here)', () => {
    expect(formatDateTime('2026-07-01T23:30:00Z', { timeZone: 'Europe/London' })).toBe('2 Jul 2026, 00:30');
  });

  it('shows an unreadable timestamp as it came rather than "Invalid Date"', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});

describe('formatTimeOfDay', () => {
  it('is a bare time for today and carries the day otherwise', () => {
    const context = { timeZone: 'UTC', now: new Date('2026-11-25T23:59:00Z') };
    expect(formatTimeOfDay('2026-11-25T00:01:00Z', context)).toBe('00:01');
    expect(formatTimeOfDay('2026-11-24T23:59:00Z', context)).toBe('24 Nov, 23:59');
  });
});

describe('formatDate', () => {
  it('shows a plain date as that calendar day even west of Greenwich', () => {
    expect(formatDate('2027-01-01', { timeZone: 'America/New_York' })).toBe('1 Jan 2027');
  });

  it('shows the day of a timestamp in the given time zone, and an unreadable value as it came', () => {
    expect(formatDate('2026-07-01T23:30:00Z', { timeZone: 'Europe/London' })).toBe('2 Jul 2026');
    expect(formatDate('soon')).toBe('soon');
  });
});
