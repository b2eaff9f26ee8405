import { describe, expect, it } from 'vitest';
import { foldedWords, namesErased, textsOf, type ErasedIdentities } from './names-erased.ts';

const ERASED: ErasedIdentities = {
  persons: [{ givenName: 'Ottoline', familyName: 'Vandersnatch', dateOfBirth: '1988-04-12', aliases: [{ givenName: 'Otto', familyName: "O'Jabberwold" }] }],
  references: ['POL-2019-00042'],
  places: [{ addressLine: 'Flat 7, Bramblehythe Court', postcode: 'BQ7 7ZX' }],
};
const names = (value: unknown) => namesErased(textsOf(value), ERASED);

describe('namesErased', () => {
  it('matches a search by the family name, in any case, with accents, inside other words of the query', () => {
    expect(names({ q: 'Vandersnatch' })).toBe(true);
    expect(names({ q: 'ottoline VANDERSNATCH' })).toBe(true);
    expect(names({ q: 'Vändérsnatch, O.' })).toBe(true);
    expect(names({ q: 'Ottoline Vandersnatch', dateOfBirth: null })).toBe(true);
  });

  it("matches an alias's family name, apostrophes or not", () => {
    expect(names({ q: "o'jabberwold" })).toBe(true);
    expect(names({ q: 'OJabberwold' })).toBe(true);
  });

  it('matches a duplicate check by its names, and a given name only with the date of birth', () => {
    expect(names({ givenName: 'Ottoline', familyName: 'Vandersnatch', dateOfBirth: '1988-04-12', aliases: [] })).toBe(true);
    expect(names({ givenName: 'Ottoline', familyName: 'Vandersnach', dateOfBirth: '1988-04-12', aliases: [] })).toBe(true);
    expect(names({ givenName: 'Ottoline', familyName: 'Vandersnach', dateOfBirth: '1990-01-01', aliases: [] })).toBe(false);
    expect(names({ q: 'Ottoline' })).toBe(false);
    expect(names({ q: 'Otto', dateOfBirth: '1988-04-12' })).toBe(true);
  });

  it('matches a case reference and a place by its address line or postcode', () => {
    expect(names({ q: 'pol-2019-00042' })).toBe(true);
    expect(names({ q: 'POL 2019 00042' })).toBe(true);
    expect(names({ q: 'POL-2019-00043' })).toBe(false);
    expect(names({ q: 'flat 7 bramblehythe court, Orrisbridge' })).toBe(true);
    expect(names({ postcode: 'bq77zx' })).toBe(true);
    expect(names({ postcode: 'BQ7 7ZY' })).toBe(false);
  });

  it('matches a justification that quotes a name', () => {
    expect(namesErased(['Checking whether Ms Vandersnatch was told of the referral'], ERASED)).toBe(true);
    expect(namesErased(['Complaint ref 2026/118: checking who changed the risk level.'], ERASED)).toBe(false);
  });

  it('does not match other names, part of a word, a misspelling, or nothing at all', () => {
    expect(names({ q: 'Keeper Onbothcases' })).toBe(false);
    expect(names({ q: 'Vandersnatches' })).toBe(false);
    expect(names({ q: 'Vandersnach' })).toBe(false);
    expect(names({ q: 'Snatch' })).toBe(false);
    expect(names({ q: 'Bramblehythe' })).toBe(false);
    expect(names({})).toBe(false);
    expect(names(null)).toBe(false);
    expect(namesErased(['Vandersnatch'], { persons: [], references: [], places: [] })).toBe(false);
  });

  it('never matches an empty name', () => {
    const blank: ErasedIdentities = { persons: [{ givenName: '', familyName: ' ', dateOfBirth: null, aliases: [] }], references: [''], places: [{ addressLine: '', postcode: '' }] };
    expect(namesErased(['anything at all', ''], blank)).toBe(false);
  });

  it('folds words for comparison', () => {
    expect(foldedWords("  Zoë O'Brien-Smith, 12 ")).toEqual(['zoe', 'obrien', 'smith', '12']);
    expect(textsOf({ a: ['x', { b: 'y' }], c: 3, d: null })).toEqual(['x', 'y']);
  });
});
