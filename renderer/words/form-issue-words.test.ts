import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { formIssueWords } from './form-issue-words.ts';

/** The words for the first issue `schema` finds in `value`. */
function wordsFor(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value, { error: formIssueWords });
  return result.success ? undefined : result.error.issues[0]?.message;
}

describe('words for a refused form field', () => {
  it('says an empty required text cannot be empty, even when it is only spaces', () => {
    expect(wordsFor(z.string().trim().min(1).max(200), '   ')).toBe('This cannot be empty.');
  });

  it('gives the schema’s own maximum, with thousands separated', () => {
    expect(wordsFor(z.string().max(200), 'x'.repeat(201))).toBe('Use 200 characters or fewer.');
    expect(wordsFor(z.string().max(100_000), 'x'.repeat(100_001))).toBe('Use 100,000 characters or fewer.');
  });

  it('asks for one of the options when a choice is not in the list', () => {
    expect(wordsFor(z.enum(['contact', 'visit']), 'email')).toBe('Choose one of the options.');
  });

  it('passes a valid value', () => {
    expect(wordsFor(z.string().min(1), 'fine')).toBeUndefined();
  });
});
