import { describe, expect, it } from 'vitest';
import { birthWords, fullName, genderWords } from './person-words.ts';

describe('words for a person', () => {
  it('names a person given name first', () => {
    expect(fullName({ givenName: 'Ottoline', familyName: 'Quennell' })).toBe('Ottoline Quennell');
  });

  it('gives a known date of birth in en-GB, an estimated year as "about", or says it is not known', () => {
    expect(birthWords({ dateOfBirth: '1988-04-02', estimatedBirthYear: null })).toBe('Born 2 Apr 1988');
    expect(birthWords({ dateOfBirth: null, estimatedBirthYear: 1990 })).toBe('Born about 1990');
    expect(birthWords({ dateOfBirth: null, estimatedBirthYear: null })).toBe('Date of birth not known');
  });

  it('words each gender, and shows an unknown value as it came', () => {
    expect(genderWords('non_binary')).toBe('Non-binary');
    expect(genderWords('something-new')).toBe('something-new');
  });
});
