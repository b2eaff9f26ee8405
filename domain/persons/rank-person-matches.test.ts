import { describe, expect, it } from 'vitest';
import { birthScore, rankPersonMatches, type ExistingPerson, type MatchPerson } from './rank-person-matches.ts';

const person = (over: Partial<ExistingPerson> & { id: string }): ExistingPerson => ({
  givenName: 'John', familyName: 'Smith', aliases: [], dateOfBirth: null, estimatedBirthYear: null, gender: null, ...over,
});
const jon: MatchPerson = { givenName: 'Jon', familyName: 'Smyth', aliases: [], dateOfBirth: '1990-01-01', estimatedBirthYear: null };

describe('rankPersonMatches', () => {
  it('finds a spelling variant with the same date of birth, and explains why', () => {
    const [match] = rankPersonMatches(jon, [person({ id: 'a', dateOfBirth: '1990-01-01' })]);
    expect(match?.id).toBe('a');
    expect(match?.score).toBeGreaterThan(0.9);
    expect(match?.reasons).toEqual(expect.arrayContaining(['same_family_name_sound', 'same_given_name_sound', 'same_date_of_birth']));
  });

  it('finds a person through an alias', () => {
    const [match] = rankPersonMatches(jon, [person({ id: 'b', givenName: 'Jack', familyName: 'Brown', aliases: [{ givenName: 'Johnny', familyName: 'Smith' }], dateOfBirth: '1990-01-01' })]);
    expect(match?.reasons).toContain('alias');
  });

  it('ranks a different date of birth below the same one, and leaves out unlike names', () => {
    const ranked = rankPersonMatches(jon, [
      person({ id: 'other-dob', dateOfBirth: '1975-06-01' }),
      person({ id: 'same-dob', dateOfBirth: '1990-01-01' }),
      person({ id: 'stranger', givenName: 'Mary', familyName: 'Jones', dateOfBirth: '1990-01-01' }),
    ]);
    expect(ranked.map((m) => m.id)).toEqual(['same-dob', 'other-dob']);
    expect(ranked[1]?.reasons).toContain('different_date_of_birth');
  });

  it('recognises swapped given and family names', () => {
    const [match] = rankPersonMatches(jon, [person({ id: 'swap', givenName: 'Smith', familyName: 'John' })]);
    expect(match?.reasons).toContain('names_swapped');
  });

  it('penalises a different known gender but not an unknown one', () => {
    const candidate = { ...jon, gender: 'male' };
    const [female] = rankPersonMatches(candidate, [person({ id: 'f', dateOfBirth: '1990-01-01', gender: 'female' })]);
    const [unknown] = rankPersonMatches(candidate, [person({ id: 'u', dateOfBirth: '1990-01-01', gender: 'unknown' })]);
    expect(female!.score).toBeLessThan(unknown!.score);
    expect(female?.reasons).toContain('different_gender');
  });

  it('returns at most the limit, best first', () => {
    const many = Array.from({ length: 15 }, (_, i) => person({ id: `p${String(i).padStart(2, '0')}` }));
    expect(rankPersonMatches(jon, many)).toHaveLength(10);
  });
});

describe('birthScore', () => {
  const at = (dateOfBirth: string | null, estimatedBirthYear: number | null = null): MatchPerson =>
    ({ givenName: 'a', familyName: 'b', aliases: [], dateOfBirth, estimatedBirthYear });
  it('scores same date, swapped day and month, estimates and unknowns', () => {
    expect(birthScore(at('1990-03-04'), at('1990-03-04')).score).toBe(1);
    expect(birthScore(at('1990-03-04'), at('1990-04-03')).reason).toBe('day_month_swapped');
    expect(birthScore(at('1990-03-04'), at(null, 1992)).reason).toBe('birth_year_within_estimate');
    expect(birthScore(at('1990-03-04'), at(null, 1993)).reason).toBe('different_date_of_birth');
    expect(birthScore(at('1990-03-04'), at('1990-07-09')).reason).toBe('same_year_of_birth');
    expect(birthScore(at(null), at('1990-07-09')).reason).toBe('no_date_of_birth_to_compare');
  });
});
