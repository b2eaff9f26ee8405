import { describe, expect, it } from 'vitest';
import { CaseTypeSchema } from '../vocabulary.ts';
import { caseTypeCodeFrom } from './case-type.ts';

describe('the code a new case type gets from its name', () => {
  it('joins lower-case words with underscores and always makes a well-formed code', () => {
    expect(caseTypeCodeFrom('Cuckooing')).toBe('cuckooing');
    expect(caseTypeCodeFrom('  County lines / exploitation ')).toBe('county_lines_exploitation');
    expect(caseTypeCodeFrom('Café visits')).toBe('cafe_visits');
    expect(caseTypeCodeFrom('2024 pilot')).toBe('type_2024_pilot');
    expect(caseTypeCodeFrom('A!')).toBe('a_type');
    expect(caseTypeCodeFrom('!!')).toBe('type');
    for (const name of ['Cuckooing', 'A!', '!!', '2024 pilot', 'x'.repeat(80), 'Ünïcödé — names']) {
      expect(CaseTypeSchema.safeParse(caseTypeCodeFrom(name)).success, name).toBe(true);
    }
  });
});
