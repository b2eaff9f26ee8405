import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReferralConsentSchema } from './referral-consent.ts';
import { addMonths } from './calendar-dates.ts';
import { criteriaMet, DEFAULT_ESCALATION_RULE, escalationMet, repeatOf } from './referral-criteria.ts';

const earlier = (id: string, referredOn: string, perpetratorIds: string[] = ['p1']) => ({ id, referredOn, perpetratorIds });

describe('MARAC referral criteria', () => {
  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addMonths('2025-03-10', 12)).toBe('2026-03-10');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-03-10', -12)).toBe('2024-03-10');
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
  });

  it('a referral of the same pair is a repeat up to and including the same day twelve months after the last one', () => {
    const last = [earlier('r1', '2025-03-10')];
    expect(repeatOf('2026-03-09', ['p1'], last)?.id).toBe('r1');
    expect(repeatOf('2026-03-10', ['p1'], last)?.id).toBe('r1');
    expect(repeatOf('2026-03-11', ['p1'], last)).toBeNull();
    expect(repeatOf('2025-03-10', ['p1'], last)?.id).toBe('r1');
  });

  it('a referral with a different perpetrator, or one dated before the earlier referral, is not a repeat', () => {
    expect(repeatOf('2025-06-01', ['p2'], [earlier('r1', '2025-03-10')])).toBeNull();
    expect(repeatOf('2025-03-09', ['p1'], [earlier('r1', '2025-03-10')])).toBeNull();
    expect(repeatOf('2025-06-01', ['p2', 'p1'], [earlier('r1', '2025-03-10', ['p1', 'p3'])])?.id).toBe('r1');
  });

  it('names the latest earlier referral of the pair when several fall in the window', () => {
    const found = repeatOf('2025-12-01', ['p1'], [earlier('old', '2025-01-05'), earlier('newer', '2025-09-01'), earlier('other', '2025-11-01', ['p9'])]);
    expect(found?.id).toBe('newer');
  });

  it('is a repeat exactly when some earlier referral of the pair is at most twelve months earlier (property)', () => {
    const day = fc.integer({ min: 0, max: 2000 }).map((n) => new Date(Date.UTC(2022, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(fc.property(day, fc.array(fc.tuple(day, fc.boolean()), { maxLength: 6 }), (on, list) => {
      const refs = list.map(([d, same], i) => earlier(`r${i}`, d, [same ? 'p1' : 'p2']));
      const expected = refs.some((r) => r.perpetratorIds.includes('p1') && r.referredOn <= on && on <= addMonths(r.referredOn, 12));
      expect(repeatOf(on, ['p1'], refs) !== null).toBe(expected);
    }));
  });

  it('escalation counts incidents in the window up to the referral day, per the area rule', () => {
    const on = '2026-05-20';
    expect(escalationMet(['2025-05-20', '2025-12-01', '2026-05-20'], DEFAULT_ESCALATION_RULE, on)).toBe(true);
    expect(escalationMet(['2025-05-19', '2025-12-01', '2026-05-20'], DEFAULT_ESCALATION_RULE, on)).toBe(false);
    expect(escalationMet(['2025-12-01', '2026-02-01', '2026-05-21'], DEFAULT_ESCALATION_RULE, on)).toBe(false);
    expect(escalationMet(['2025-12-01', '2026-02-01', '2026-04-01'], { incidents: 3, months: 6 }, on)).toBe(true);
    expect(escalationMet(['2025-11-19', '2026-02-01', '2026-04-01'], { incidents: 3, months: 6 }, on)).toBe(false);
  });

  it('lists the criteria met in a fixed order', () => {
    const base = { score: 9, professionalJudgementReasons: null, incidentDates: [], escalationRule: DEFAULT_ESCALATION_RULE, referredOn: '2026-01-01', repeat: false };
    expect(criteriaMet(base)).toEqual([]);
    expect(criteriaMet({ ...base, score: 14 })).toEqual(['visible_high_risk']);
    expect(criteriaMet({ ...base, score: 13, professionalJudgementReasons: 'Threats to kill', repeat: true })).toEqual(['professional_judgement', 'repeat']);
  });

  it('sharing without consent needs a justification; consent needs awareness', () => {
    expect(ReferralConsentSchema.safeParse({ victimAware: true, consentGiven: false }).success).toBe(false);
    expect(ReferralConsentSchema.safeParse({ victimAware: false, consentGiven: false, justification: 'child_protection' }).success).toBe(true);
    expect(ReferralConsentSchema.safeParse({ victimAware: true, consentGiven: true, justification: 'vital_interests' }).success).toBe(false);
    expect(ReferralConsentSchema.safeParse({ victimAware: false, consentGiven: true }).success).toBe(false);
    expect(ReferralConsentSchema.safeParse({ victimAware: true, consentGiven: true }).success).toBe(true);
  });
});
