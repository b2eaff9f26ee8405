import { describe, expect, it } from 'vitest';
import { endsOnOf, expiryOf, isoDateAfter, MarkerFormSchema } from './marker-draft.ts';

describe('the marker form', () => {
  it('turns a last day into an expiry at its end, and back', () => {
    expect(expiryOf('2027-02-01')).toBe('2027-02-01T23:59:59.999Z');
    expect(endsOnOf('2027-02-01T23:59:59.999Z')).toBe('2027-02-01');
    expect(expiryOf(null)).toBeNull();
    expect(endsOnOf(null)).toBeNull();
  });

  it('suggests a review some days ahead', () => {
    expect(isoDateAfter(new Date('2026-12-05T10:00:00.000Z'), 90)).toBe('2027-03-05');
  });

  it('needs a description and a review date, with the server limits', () => {
    expect(MarkerFormSchema.safeParse({ markerType: 'staff_safety', description: '  ', reviewDate: '2027-01-01', endsOn: null }).success).toBe(false);
    expect(MarkerFormSchema.safeParse({ markerType: 'staff_safety', description: 'Dog', reviewDate: null, endsOn: null }).success).toBe(false);
    expect(MarkerFormSchema.safeParse({ markerType: 'staff_safety', description: 'x'.repeat(2001), reviewDate: '2027-01-01', endsOn: null }).success).toBe(false);
    expect(MarkerFormSchema.parse({ markerType: 'weapons', description: ' Knife ', reviewDate: '2027-01-01', endsOn: null }).description).toBe('Knife');
  });
});
