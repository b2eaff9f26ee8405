import { describe, expect, it } from 'vitest';
import { namePartKey, personNameKey, soundex } from './soundex.ts';

describe('soundex', () => {
  it('gives the published codes for the archive examples', () => {
    expect(soundex('Robert')).toBe('R163');
    expect(soundex('Rupert')).toBe('R163');
    expect(soundex('Rubin')).toBe('R150');
    expect(soundex('Ashcraft')).toBe('A261');
    expect(soundex('Tymczak')).toBe('T522');
    expect(soundex('Pfister')).toBe('P236');
    expect(soundex('Honeyman')).toBe('H555');
  });

  it('codes spelling variants of a name alike', () => {
    expect(soundex('Smith')).toBe(soundex('Smyth'));
    expect(soundex('Jon')).toBe(soundex('John'));
    expect(soundex('Johnny')).toBe('J500');
  });

  it('ignores case, accents and punctuation, and answers empty for no letters', () => {
    expect(soundex("O'Brien")).toBe(soundex('obrien'));
    expect(soundex('Zoë')).toBe(soundex('Zoe'));
    expect(soundex('123')).toBe('');
  });

  it('keys a person by family then given name, using the first word of each', () => {
    expect(personNameKey('Jon', 'Smyth')).toBe('S530|J500');
    expect(namePartKey('Smith-Jones')).toBe('S530');
  });
});
