import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn } from './age-on.ts';
import { computeDataReturn, harmCauserAge, isBame, type ReferralFacts, type ReturnCount } from './data-return.ts';
import { quarterOf, quarterSpan } from './data-return-quarter.ts';
import { dataReturnRows } from './data-return-rows.ts';

const police = { id: 'a0000000-0000-4000-8000-000000000001', name: 'Synthetic Police' };
const idva = { id: 'a0000000-0000-4000-8000-000000000002', name: 'Synthetic IDVA Service' };
let n = 0;
/** A referral's facts with overrides. */
function buildFacts(overrides: Partial<ReferralFacts> = {}): ReferralFacts {
  n += 1;
  return {
    referralId: `r0000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    referredOn: '2026-11-10',
    referringAgency: police,
    repeat: false,
    childCount: 0,
    victim: { ethnicity: 'White British', disability: 'no', lgbtPlus: 'no', gender: 'female' },
    perpetratorDatesOfBirth: ['1990-01-01'],
    ...overrides,
  };
}
const value = (c: ReturnCount) => (c.suppressed ? 'suppressed' : c.value);

describe('ages and quarters', () => {
  it('a year is completed on the birthday, and a 29 February birthday on 1 March', () => {
    expect([ageOn('2009-11-10', '2026-11-09'), ageOn('2009-11-10', '2026-11-10'), ageOn('2009-11-10', '2026-11-11')]).toEqual([16, 17, 17]);
    expect([ageOn('2008-02-29', '2026-02-28'), ageOn('2008-02-29', '2026-03-01')]).toEqual([17, 18]);
  });

  it('quarters are calendar quarters', () => {
    expect(quarterSpan('2026-Q4')).toEqual({ first: '2026-10-01', last: '2026-12-31' });
    expect(quarterSpan('2024-Q1')).toEqual({ first: '2024-01-01', last: '2024-03-31' });
    expect([quarterOf('2026-03-31'), quarterOf('2026-04-01'), quarterOf('2026-12-31')]).toEqual(['2026-Q1', '2026-Q2', '2026-Q4']);
  });
});

describe('the person causing harm is 17 or under', () => {
  it('counts on the 18th birthday as adult, the day before as 17 or under', () => {
    expect(harmCauserAge({ referredOn: '2026-11-10', perpetratorDatesOfBirth: ['2008-11-11'] })).toBe('young');
    expect(harmCauserAge({ referredOn: '2026-11-10', perpetratorDatesOfBirth: ['2008-11-10'] })).toBe('adult');
  });

  it('an unknown date of birth is unknown, never guessed, unless another perpetrator is 17 or under', () => {
    expect(harmCauserAge({ referredOn: '2026-11-10', perpetratorDatesOfBirth: [null] })).toBe('unknown');
    expect(harmCauserAge({ referredOn: '2026-11-10', perpetratorDatesOfBirth: ['1980-01-01', null] })).toBe('unknown');
    expect(harmCauserAge({ referredOn: '2026-11-10', perpetratorDatesOfBirth: [null, '2010-01-01'] })).toBe('young');
  });
});

describe('the figures', () => {
  it('counts a small world as worked out by hand', () => {
    const facts = [
      buildFacts({ repeat: true, childCount: 2, victim: { ethnicity: 'Black Caribbean', disability: 'yes', lgbtPlus: 'no', gender: 'female' } }),
      buildFacts({ childCount: 1, referringAgency: idva, victim: { ethnicity: null, disability: 'not_known', lgbtPlus: 'yes', gender: 'male' }, perpetratorDatesOfBirth: ['2010-05-05'] }),
      buildFacts({ perpetratorDatesOfBirth: [null] }),
      buildFacts({ repeat: true, victim: { ethnicity: 'white irish', disability: 'no', lgbtPlus: 'not_known', gender: 'non_binary' } }),
    ];
    const f = computeDataReturn(facts, { suppressUnder5: false });
    expect({
      cases: value(f.casesDiscussed), repeats: value(f.repeats), pct: f.repeatPercentage, children: value(f.children),
      bame: value(f.bameVictims), noEthnicity: value(f.ethnicityNotRecorded), disabled: value(f.disabledVictims), lgbt: value(f.lgbtPlusVictims),
      male: value(f.maleVictims), young: value(f.harmCauser17OrUnder), ageUnknown: value(f.harmCauserAgeUnknown),
      agencies: f.byReferringAgency.map((a) => [a.agency.name, value(a.count)]),
    }).toEqual({
      cases: 4, repeats: 2, pct: { suppressed: false, value: 50 }, children: 3, bame: 1, noEthnicity: 1, disabled: 1, lgbt: 1, male: 1, young: 1, ageUnknown: 1,
      agencies: [['Synthetic Police', 3], ['Synthetic IDVA Service', 1]],
    });
  });

  it('suppression shows "fewer than 5" and never the number, percentage included', () => {
    const facts = [...Array.from({ length: 6 }, () => buildFacts()), ...Array.from({ length: 3 }, () => buildFacts({ repeat: true, referringAgency: idva }))];
    const f = computeDataReturn(facts, { suppressUnder5: true });
    expect([f.casesDiscussed, f.repeats, f.repeatPercentage, f.maleVictims]).toEqual([
      { suppressed: false, value: 9 }, { suppressed: true }, { suppressed: true }, { suppressed: true },
    ]);
    expect(f.byReferringAgency.map((a) => a.count)).toEqual([{ suppressed: false, value: 6 }, { suppressed: true }]);
    const rows = dataReturnRows({ area: { id: police.id, name: 'Synthetic MARAC' }, period: { kind: 'meeting', meetingId: police.id, date: '2026-11-24' }, suppressUnder5: true, figures: f });
    expect(rows[0]).toEqual(['OFFICIAL-SENSITIVE']);
    expect(rows).toContainEqual(['Repeat cases', 'fewer than 5']);
    expect(rows).toContainEqual(['Repeat cases (%)', 'fewer than 5']);
    expect(JSON.stringify(f)).not.toMatch(/"value":[1-4]\b/);
  });

  it('nothing discussed: zero cases and no percentage', () => {
    const f = computeDataReturn([], { suppressUnder5: false });
    expect([f.casesDiscussed, f.repeatPercentage, f.byReferringAgency]).toEqual([{ suppressed: false, value: 0 }, { suppressed: false, value: null }, []]);
  });

  it('BAME reads the recorded ethnicity and never guesses a missing one', () => {
    expect([isBame('Asian British'), isBame('White Other'), isBame('  '), isBame(null), isBame('Whitechapel-born Bangladeshi')]).toEqual([true, false, null, null, true]);
  });
});

const arbitraryFacts = fc.record({
  repeat: fc.boolean(),
  childCount: fc.integer({ min: 0, max: 6 }),
  agency: fc.constantFrom(police, idva),
  ethnicity: fc.constantFrom(null, 'White British', 'Black African', 'Mixed'),
  disability: fc.constantFrom('yes' as const, 'no' as const, 'not_known' as const),
  lgbtPlus: fc.constantFrom('yes' as const, 'no' as const, 'not_known' as const),
  gender: fc.constantFrom('female' as const, 'male' as const, 'unknown' as const),
  dobs: fc.array(fc.option(fc.date({ min: new Date('1950-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))), { minLength: 1, maxLength: 3 }),
}).map((x) => buildFacts({
  repeat: x.repeat, childCount: x.childCount, referringAgency: x.agency, perpetratorDatesOfBirth: x.dobs,
  victim: { ethnicity: x.ethnicity, disability: x.disability, lgbtPlus: x.lgbtPlus, gender: x.gender },
}));

describe('the figures for any referrals', () => {
  it('agree with each other, and suppression hides exactly the counts under 5', () => {
    fc.assert(fc.property(fc.array(arbitraryFacts, { maxLength: 30 }), (facts) => {
      const plain = computeDataReturn(facts, { suppressUnder5: false });
      const hidden = computeDataReturn(facts, { suppressUnder5: true });
      const num = (c: ReturnCount) => (c.suppressed ? -1 : c.value);
      expect(num(plain.casesDiscussed)).toBe(facts.length);
      expect(plain.byReferringAgency.reduce((s, a) => s + num(a.count), 0)).toBe(facts.length);
      expect(num(plain.repeats)).toBeLessThanOrEqual(facts.length);
      expect(num(plain.bameVictims) + num(plain.ethnicityNotRecorded)).toBeLessThanOrEqual(facts.length);
      expect(num(plain.harmCauser17OrUnder) + num(plain.harmCauserAgeUnknown)).toBeLessThanOrEqual(facts.length);
      const pairs: Array<[ReturnCount, ReturnCount]> = [
        [plain.casesDiscussed, hidden.casesDiscussed], [plain.repeats, hidden.repeats], [plain.children, hidden.children],
        [plain.bameVictims, hidden.bameVictims], [plain.maleVictims, hidden.maleVictims], [plain.harmCauser17OrUnder, hidden.harmCauser17OrUnder],
        ...plain.byReferringAgency.map((a, i) => [a.count, hidden.byReferringAgency[i]!.count] as [ReturnCount, ReturnCount]),
      ];
      for (const [p, h] of pairs) {
        expect(h).toEqual(num(p) < 5 ? { suppressed: true } : p);
      }
      expect(hidden.repeatPercentage.suppressed).toBe(hidden.repeats.suppressed || hidden.casesDiscussed.suppressed);
    }));
  });
});
