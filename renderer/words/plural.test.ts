import { describe, expect, it } from 'vitest';
import { plural } from './plural.ts';

describe('plural', () => {
  it('uses the singular only for exactly one', () => {
    expect([0, 1, 2].map((n) => plural(n, 'case'))).toEqual(['0 cases', '1 case', '2 cases']);
  });

  it('groups the thousands', () => {
    expect(plural(12_415, 'case')).toBe('12,415 cases');
  });
});
