import { describe, expect, it } from 'vitest';
import { newPersonFromSearch } from './new-person-from-search.ts';

describe('a search carried into a new person', () => {
  it('takes the last word as the family name and the words before it as given names', () => {
    expect(newPersonFromSearch('  Rosa  May Featherby ', '1985-03-02')).toEqual({ givenName: 'Rosa May', familyName: 'Featherby', dateOfBirth: '1985-03-02' });
  });

  it('puts a single word in the family name and leaves the date empty when none was searched', () => {
    expect(newPersonFromSearch('Featherby', null)).toEqual({ givenName: '', familyName: 'Featherby', dateOfBirth: undefined });
  });
});
