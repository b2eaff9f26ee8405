/**
 * The export's CSV encoder against csv-stringify (kept as a devDependency for this): for random
 * rows of text (formula prefixes, quotes, CR/LF, commas, tabs, full-width signs, astral unicode),
 * numbers and nulls, both write the same bytes; and the verifier's CSV reader gives back the cells.
 */
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../domain/audit/csv-records.ts';
import { encodeCsv, escapeFormula } from '../../domain/audit/csv-encode.ts';

// quote_record_delimiter: with record_delimiter set, csv-stringify otherwise quotes only a full CRLF
// and leaves a lone CR or LF bare, which splits the record for any reader (see the last test).
const OPTIONS = { escape_formulas: true, record_delimiter: 'windows', quote_record_delimiter: true } as const;
const PIECES = ['=', '+', '-', '@', '\t', '\r', '\n', '\r\n', '"', '""', ',', "'", ' ', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', 'é', '😀', '—', 'a', '1'];

const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const cell = fc.oneof(text, fc.constant(null), fc.integer({ min: -1_000_000, max: Number.MAX_SAFE_INTEGER }));
const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });

describe('the export CSV encoder', () => {
  it('writes exactly what csv-stringify writes with escape_formulas, CRLF records and line breaks quoted', () => {
    fc.assert(fc.property(rows, (r) => {
      expect(encodeCsv(r)).toBe(stringify(r, OPTIONS));
    }), { numRuns: 3000 });
  });

  it('reads back, through the verifier\'s reader, as the escaped cells it wrote (in chunks split anywhere)', () => {
    fc.assert(fc.property(rows, fc.integer({ min: 1, max: 7 }), (r, size) => {
      // A record of one empty cell is a blank line, which CSV cannot tell from nothing; the export never writes one.
      fc.pre(r.every((row) => row.length > 1 || (row[0] !== null && row[0] !== '')));
      const csv = encodeCsv(r);
      const chunks: string[] = [];
      for (let i = 0; i < csv.length; i += size) {
        chunks.push(csv.slice(i, i + size));
      }
      const expected = r.map((row) => row.map((c) => (typeof c === 'number' ? String(c) : escapeFormula(c))));
      expect([...csvRecords(chunks)]).toEqual(expected);
    }), { numRuns: 2000 });
  });

  it('quotes a lone line break, which csv-stringify with only record_delimiter set leaves bare', () => {
    const row = [['one\ntwo', 'x']];
    expect(stringify(row, { escape_formulas: true, record_delimiter: 'windows' })).toBe('one\ntwo,x\r\n');
    expect(encodeCsv(row)).toBe('"one\ntwo",x\r\n');
    expect([...csvRecords([encodeCsv(row)])]).toEqual([['one\ntwo', 'x']]);
  });
});
