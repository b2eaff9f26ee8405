import { describe, expect, it } from 'vitest';
import { grantExpiresAt, grantExpiryError, localDatePlus } from './grant-expiry.ts';

describe('the expiry of an approved access request', () => {
  const now = new Date(2026, 11, 5, 14, 30);

  it('counts calendar days on this computer', () => {
    expect(localDatePlus(now, 0)).toBe('2026-12-05');
    expect(localDatePlus(now, 30)).toBe('2027-01-04');
  });

  it('refuses no day, today or a past day, and a day more than 90 days ahead', () => {
    expect(grantExpiryError(null, now)).toBe('Enter the day the access ends.');
    expect(grantExpiryError('2026-12-05', now)).toBe('The access must end on a day after today.');
    expect(grantExpiryError('2026-11-30', now)).toBe('The access must end on a day after today.');
    expect(grantExpiryError(localDatePlus(now, 91), now)).toMatch(/^Access can be given for at most 90 days/);
  });

  it('accepts tomorrow to 90 days ahead, ending at the start of the day, within the server’s 90 days', () => {
    expect(grantExpiryError('2026-12-06', now)).toBeUndefined();
    const last = localDatePlus(now, 90);
    expect(grantExpiryError(last, now)).toBeUndefined();
    const ends = Date.parse(grantExpiresAt(last));
    expect(ends).toBeLessThanOrEqual(now.getTime() + 90 * 86_400_000);
    expect(new Date(grantExpiresAt('2026-12-06'))).toEqual(new Date(2026, 11, 6));
  });
});
