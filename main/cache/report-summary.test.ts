import { describe, expect, it } from 'vitest';
import { reportSummary } from './report-summary.ts';

describe('reportSummary', () => {
  it('keeps a short text whole, with its whitespace collapsed', () => {
    expect(reportSummary('  Visited at 10:00.\n\nTenant   not at home. ')).toBe('Visited at 10:00. Tenant not at home.');
  });

  it('cuts a long text at a word boundary and marks the cut', () => {
    expect(reportSummary('Visited the flat and spoke with the tenant', 20)).toBe('Visited the flat and…');
  });

  it('keeps a text of exactly the summary length whole, and cuts one a character longer', () => {
    expect(reportSummary('abcd efgh', 9)).toBe('abcd efgh');
    expect(reportSummary('abcd efghi', 9)).toBe('abcd…');
  });

  it('marks a short start of a longer body as cut', () => {
    expect(reportSummary('Visited.', 20, true)).toBe('Visited.…');
  });

  it('cuts inside a single word that is longer than the summary', () => {
    expect(reportSummary('x'.repeat(50), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});
