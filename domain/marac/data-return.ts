/**
 * The SafeLives MARAC data return (docs/marac.md): counts only, worked out from the facts of the
 * referrals whose cases were discussed. Pure: the server loads the facts, this computes the figures.
 *
 * * BAME: an ethnicity is recorded and does not begin with "White" (the ONS White groups, Gypsy or
 *   Irish Traveller included, are not counted); no ethnicity recorded is counted apart, never guessed.
 * * Person causing harm 17 or under: any perpetrator of the referral aged 17 or under on the referral
 *   date (a birthday makes the year). A referral none of whose perpetrators is 17 or under but one of
 *   whose perpetrators has no date of birth is counted as age unknown.
 * * Suppression (optional): every count under 5, zero included, is shown as "fewer than 5" and never
 *   as its number, and a percentage resting on a suppressed count is suppressed too.
 */
import { z } from 'zod';
import { GenderSchema, YesNoUnknownSchema } from '../vocabulary.ts';
import { IdSchema } from '../ids.ts';
import { ageOn } from './age-on.ts';

/** Counts below this are suppressed when suppression is asked for. */
export const SUPPRESS_BELOW = 5;
/** The oldest age counted as a young person causing harm. */
export const YOUNG_HARM_CAUSER_MAX_AGE = 17;

/** What the return needs of one referral: no names, no addresses. */
export const ReferralFactsSchema = z.object({
  referralId: IdSchema,
  referredOn: z.iso.date(),
  referringAgency: z.object({ id: IdSchema, name: z.string() }),
  repeat: z.boolean(),
  childCount: z.number().int().min(0),
  victim: z.object({
    ethnicity: z.string().nullable(),
    disability: YesNoUnknownSchema,
    lgbtPlus: YesNoUnknownSchema,
    gender: GenderSchema,
  }),
  /** Each perpetrator's date of birth, or null when not known. */
  perpetratorDatesOfBirth: z.array(z.iso.date().nullable()).min(1),
});
/** One referral's facts. */
export type ReferralFacts = z.infer<typeof ReferralFactsSchema>;

/** A count, or only the fact that it is under 5. */
export const ReturnCountSchema = z.discriminatedUnion('suppressed', [
  z.object({ suppressed: z.literal(false), value: z.number().int().min(0) }),
  z.object({ suppressed: z.literal(true) }),
]);
/** A count as the return shows it. */
export type ReturnCount = z.infer<typeof ReturnCountSchema>;

/** A percentage to one decimal place; null when nothing was discussed; suppressed with its count. */
export const ReturnPercentageSchema = z.discriminatedUnion('suppressed', [
  z.object({ suppressed: z.literal(false), value: z.number().min(0).max(100).nullable() }),
  z.object({ suppressed: z.literal(true) }),
]);
/** A percentage as the return shows it. */
export type ReturnPercentage = z.infer<typeof ReturnPercentageSchema>;

export const DataReturnFiguresSchema = z.object({
  casesDiscussed: ReturnCountSchema,
  repeats: ReturnCountSchema,
  repeatPercentage: ReturnPercentageSchema,
  children: ReturnCountSchema,
  byReferringAgency: z.array(z.object({ agency: z.object({ id: IdSchema, name: z.string() }), count: ReturnCountSchema })),
  bameVictims: ReturnCountSchema,
  ethnicityNotRecorded: ReturnCountSchema,
  disabledVictims: ReturnCountSchema,
  lgbtPlusVictims: ReturnCountSchema,
  maleVictims: ReturnCountSchema,
  harmCauser17OrUnder: ReturnCountSchema,
  harmCauserAgeUnknown: ReturnCountSchema,
});
/** The figures of one return. */
export type DataReturnFigures = z.infer<typeof DataReturnFiguresSchema>;

/** True when the recorded ethnicity is Black, Asian or another minority ethnic group; null when not recorded. */
export function isBame(ethnicity: string | null): boolean | null {
  const text = ethnicity?.trim() ?? '';
  if (text === '') {
    return null;
  }
  return !/^white\b/i.test(text);
}

/** How the referral stands on the age of the person causing harm. */
export function harmCauserAge(facts: Pick<ReferralFacts, 'referredOn' | 'perpetratorDatesOfBirth'>): 'young' | 'adult' | 'unknown' {
  const dobs = facts.perpetratorDatesOfBirth;
  if (dobs.some((dob) => dob !== null && ageOn(dob, facts.referredOn) <= YOUNG_HARM_CAUSER_MAX_AGE)) {
    return 'young';
  }
  return dobs.some((dob) => dob === null) ? 'unknown' : 'adult';
}

/** The figures of the referrals' facts; with `suppressUnder5`, small counts are hidden. */
export function computeDataReturn(facts: readonly ReferralFacts[], options: { suppressUnder5: boolean }): DataReturnFigures {
  const count = (n: number): ReturnCount => (options.suppressUnder5 && n < SUPPRESS_BELOW ? { suppressed: true } : { suppressed: false, value: n });
  const where = (test: (f: ReferralFacts) => boolean) => count(facts.filter(test).length);
  const cases = count(facts.length);
  const repeats = where((f) => f.repeat);
  const repeatCount = facts.filter((f) => f.repeat).length;
  const repeatPercentage: ReturnPercentage = cases.suppressed || repeats.suppressed
    ? { suppressed: true }
    : { suppressed: false, value: facts.length === 0 ? null : Math.round((repeatCount / facts.length) * 1000) / 10 };
  const agencies = new Map<string, { agency: { id: string; name: string }; n: number }>();
  for (const f of facts) {
    const entry = agencies.get(f.referringAgency.id) ?? { agency: f.referringAgency, n: 0 };
    entry.n += 1;
    agencies.set(f.referringAgency.id, entry);
  }
  return {
    casesDiscussed: cases,
    repeats,
    repeatPercentage,
    children: count(facts.reduce((sum, f) => sum + f.childCount, 0)),
    byReferringAgency: [...agencies.values()]
      .sort((a, b) => b.n - a.n || a.agency.name.localeCompare(b.agency.name, 'en-GB') || a.agency.id.localeCompare(b.agency.id))
      .map((e) => ({ agency: e.agency, count: count(e.n) })),
    bameVictims: where((f) => isBame(f.victim.ethnicity) === true),
    ethnicityNotRecorded: where((f) => isBame(f.victim.ethnicity) === null),
    disabledVictims: where((f) => f.victim.disability === 'yes'),
    lgbtPlusVictims: where((f) => f.victim.lgbtPlus === 'yes'),
    maleVictims: where((f) => f.victim.gender === 'male'),
    harmCauser17OrUnder: where((f) => harmCauserAge(f) === 'young'),
    harmCauserAgeUnknown: where((f) => harmCauserAge(f) === 'unknown'),
  };
}
