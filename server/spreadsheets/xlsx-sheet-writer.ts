/**
 * A small streaming XLSX writer: one worksheet, written row by row into a zip stream (yazl), so
 * a million rows take no more memory than one. Every text cell is an inline string (`t="inlineStr"`)
 * and no cell is ever a formula, so a value such as `=HYPERLINK(…)` is shown, never run.
 * The workbook is the smallest SpreadsheetML package Excel and LibreOffice open (ECMA-376 part 1).
 */
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { ZipFile } from 'yazl';
import { writeChunk } from '../streams/write-chunk.ts';

/** A cell value: text (inline string), a finite number, or empty. */
export type SheetCell = string | number | null;

/** Excel's limit on characters in one cell; longer text is cut and marked. */
export const XLSX_CELL_MAX = 32767;
const CUT_MARK = ' [cut]';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

function staticParts(sheetName: string): Array<[string, string]> {
  return [
    ['[Content_Types].xml', `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      + '<Default Extension="xml" ContentType="application/xml"/>'
      + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      + '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
      + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
      + '</Types>'],
    ['_rels/.rels', `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">`
      + `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`
      + `<sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">`
      + `<Relationship Id="rId1" Type="${NS_REL}/worksheet" Target="worksheets/sheet1.xml"/>`
      + `<Relationship Id="rId2" Type="${NS_REL}/styles" Target="styles.xml"/></Relationships>`],
    ['xl/styles.xml', `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">`
      + '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
      + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
      + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
      + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
      + '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
      + '</styleSheet>'],
  ];
}

// Characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/FFFF) become U+FFFD.
// eslint-disable-next-line no-control-regex -- XML 1.0 forbids these control characters: finding them is the point.
const NEEDS_WORK = /[&<>"_\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex -- as above.
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for an XML element or attribute, replacing characters XML cannot hold. */
export function escapeXml(text: string): string {
  if (!NEEDS_WORK.test(text)) {
    return text;
  }
  return text.replace(FORBIDDEN, '\uFFFD')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    // SpreadsheetML reads `_xHHHH_` as an escaped character; escaping its `_` keeps the text literal.
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_');
}

/** The column letters of a zero-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

// Leading or trailing white space, or line breaks and tabs, which a spreadsheet keeps only when told to.
const KEEP_SPACE = /^\s|\s$|[\t\n\r]/;

/**
 * One cell's XML; an empty cell is left out. A cell names its place (`r`) only after an empty one was
 * left out: otherwise it is the next column (ECMA-376 part 1, 18.3.1.4), which keeps a million rows
 * several hundred MB shorter to build and compress.
 */
function cellXml(ref: string | null, value: SheetCell): string {
  const at = ref === null ? '' : ` r="${ref}"`;
  if (typeof value === 'number' && Number.isFinite(value)) {
    return `<c${at}><v>${value}</v></c>`;
  }
  let text = String(value);
  if (text.length > XLSX_CELL_MAX) {
    text = text.slice(0, XLSX_CELL_MAX - CUT_MARK.length) + CUT_MARK;
  }
  const t = KEEP_SPACE.test(text) ? '<t xml:space="preserve">' : '<t>';
  return `<c${at} t="inlineStr"><is>${t}${escapeXml(text)}</t></is></c>`;
}

/** Writes rows of one sheet into an XLSX file streamed to `out`. */
export class XlsxSheetWriter {
  private readonly zip = new ZipFile();
  private readonly sheet = new PassThrough({ highWaterMark: 1 << 20 });
  private readonly columns: string[] = [];
  private rowNumber = 0;

  /** Starts the package; the sheet is named `sheetName` (at most 31 characters, none of `[]:*?/\`). */
  constructor(out: Writable, sheetName: string, compressionLevel = 1) {
    if (sheetName.length === 0 || sheetName.length > 31 || /[[\]:*?/\\]/.test(sheetName)) {
      throw new Error(`Not a valid sheet name: ${sheetName}`);
    }
    this.zip.outputStream.pipe(out);
    this.zip.outputStream.on('error', (error: Error) => out.destroy(error));
    for (const [name, xml] of staticParts(sheetName)) {
      this.zip.addBuffer(Buffer.from(xml, 'utf8'), name, { compressionLevel: 6 });
    }
    // Level 1 deflate: most of the text compresses well at it, at several times level 6's speed.
    this.zip.addReadStream(this.sheet, 'xl/worksheets/sheet1.xml', { compressionLevel });
    this.sheet.write(`${XML_HEAD}<worksheet xmlns="${NS_MAIN}"><sheetData>`);
  }

  /** Appends rows; resolves when the zip stream has taken them. */
  writeRows(rows: ReadonlyArray<readonly SheetCell[]>): Promise<void> {
    let xml = '';
    for (const cells of rows) {
      this.rowNumber += 1;
      const r = this.rowNumber;
      xml += `<row r="${r}">`;
      let skipped = false;
      for (let i = 0; i < cells.length; i += 1) {
        const value = cells[i] ?? null;
        if (value === null) {
          skipped = true;
          continue;
        }
        xml += cellXml(skipped ? `${this.column(i)}${r}` : null, value);
        skipped = false;
      }
      xml += '</row>';
    }
    return writeChunk(this.sheet, xml);
  }

  /** Closes the sheet and the package; resolves when the zip has been written out. */
  finish(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.zip.outputStream.once('end', () => resolve());
      this.zip.outputStream.once('error', reject);
      this.sheet.end('</sheetData></worksheet>');
      this.zip.end();
    });
  }

  /** Abandons the file: the sheet and zip streams are destroyed (`out` is the caller's to destroy). */
  abort(): void {
    // Destroyed without an error: nothing listens for one on the sheet; the caller fails `out` itself.
    this.sheet.destroy();
    (this.zip.outputStream as Readable).destroy();
  }

  private column(index: number): string {
    return (this.columns[index] ??= columnName(index));
  }
}
