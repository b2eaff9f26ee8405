import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readZip } from '../../test/support/read-zip.ts';
import { columnName, escapeXml, XLSX_CELL_MAX, XlsxSheetWriter, type SheetCell } from './xlsx-sheet-writer.ts';

async function writeSheet(name: string, rows: SheetCell[][]): Promise<Map<string, string>> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const writer = new XlsxSheetWriter(out, name);
  await writer.writeRows(rows);
  await writer.finish();
  return new Map([...readZip(Buffer.concat(chunks))].map(([k, v]) => [k, v.toString('utf8')]));
}

describe('the streaming XLSX sheet writer', () => {
  it('writes a package with a workbook, a named sheet and its rows as inline strings and numbers', async () => {
    const parts = await writeSheet('OFFICIAL-SENSITIVE', [['a', 1, null, 'b']]);
    expect([...parts.keys()].sort()).toEqual([
      '[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml',
    ]);
    expect(parts.get('xl/workbook.xml')).toContain('<sheet name="OFFICIAL-SENSITIVE" sheetId="1" r:id="rId1"/>');
    // A cell names its place only after an empty one; space is kept where there is any to keep.
    expect(parts.get('xl/worksheets/sheet1.xml')).toContain(
      '<row r="1"><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c>'
      + '<c r="D1" t="inlineStr"><is><t>b</t></is></c></row>',
    );
  });

  it('keeps leading and trailing spaces, line breaks and tabs', async () => {
    const sheet = (await writeSheet('S', [[' lead', 'trail ', 'two\nlines', 'tab\there', 'plain words']])).get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('<t xml:space="preserve"> lead</t>');
    expect(sheet).toContain('<t xml:space="preserve">trail </t>');
    expect(sheet).toContain('<t xml:space="preserve">two\nlines</t>');
    expect(sheet).toContain('<t xml:space="preserve">tab\there</t>');
    expect(sheet).toContain('<t>plain words</t>');
  });

  it('keeps formula-looking values as text: no cell is ever a formula', async () => {
    const risky = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
    const sheet = (await writeSheet('S', [risky])).get('xl/worksheets/sheet1.xml')!;
    expect(sheet).not.toContain('<f>');
    expect(sheet).not.toContain('<f ');
    expect(sheet.match(/t="inlineStr"/g)).toHaveLength(risky.length);
    expect(sheet).toContain('<t>=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</t>');
    expect(sheet).toContain('<t>-2+3</t>');
  });

  it('escapes markup, keeps _xHHHH_ literal and replaces characters XML cannot hold', () => {
    expect(escapeXml('a<b>&"c"')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(escapeXml('_x0041_')).toBe('_x005F_x0041_');
    expect(escapeXml('bell\u0007 and lone \uD800 surrogate, pair \uD83D\uDE00')).toBe('bell\uFFFD and lone \uFFFD surrogate, pair \uD83D\uDE00');
    expect(escapeXml('tab\tline\nreturn\r')).toBe('tab\tline\nreturn\r');
  });

  it('cuts text longer than a cell holds, and marks the cut', async () => {
    const sheet = (await writeSheet('S', [['x'.repeat(XLSX_CELL_MAX + 10)]])).get('xl/worksheets/sheet1.xml')!;
    const text = /<t>([^<]*)<\/t>/.exec(sheet)![1]!;
    expect(text).toHaveLength(XLSX_CELL_MAX);
    expect(text.endsWith(' [cut]')).toBe(true);
  });

  it('names columns as a spreadsheet does', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('refuses a sheet name a spreadsheet would refuse', () => {
    expect(() => new XlsxSheetWriter(new PassThrough(), 'a/b')).toThrow('Not a valid sheet name');
    expect(() => new XlsxSheetWriter(new PassThrough(), 'x'.repeat(32))).toThrow('Not a valid sheet name');
  });
});
