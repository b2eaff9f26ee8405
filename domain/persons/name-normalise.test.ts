import { describe, expect, it } from 'vitest';
import { displayName, nameTokens, normaliseName } from './name-normalise.ts';

describe('name normalisation', () => {
  it('lower-cases, strips accents and apostrophes and splits on anything else', () => {
    expect(normaliseName("  Siân O'Brien-Smith ")).toBe('sian obrien smith');
    expect(nameTokens('Jon  SMYTH')).toEqual(['jon', 'smyth']);
    expect(nameTokens('%_')).toEqual([]);
  });

  it('shows given name then family name', () => {
    expect(displayName(' Jon ', 'Smyth')).toBe('Jon Smyth');
  });
});
