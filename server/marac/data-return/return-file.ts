/**
 * The data return as a file (docs/marac.md): CSV with the audit export's encoding (formula-looking
 * text prefixed with `'`), or XLSX with the audit export's sheet writer (inline strings, never a
 * formula); the marking OFFICIAL-SENSITIVE is the first line or row.
 */
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { EXPORT_MARKING } from '../../../domain/audit/audit-export.ts';
import { encodeCsv } from '../../../domain/audit/csv-encode.ts';
import type { DataReturnFile, DataReturnFormat, DataReturnRecord } from '../../../domain/marac/data-return-record.ts';
import { dataReturnRows } from '../../../domain/marac/data-return-rows.ts';
import { XlsxSheetWriter } from '../../spreadsheets/xlsx-sheet-writer.ts';

const MEDIA_TYPES: Record<DataReturnFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The XLSX bytes of the rows, on one sheet named with the marking. */
async function xlsxOf(rows: ReturnType<typeof dataReturnRows>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.once('end', resolve);
    out.once('error', reject);
  });
  const sheet = new XlsxSheetWriter(out, EXPORT_MARKING, 6);
  await sheet.writeRows(rows);
  await sheet.finish();
  await ended;
  return Buffer.concat(chunks);
}

/** A file name naming the area and the period, without characters a file system may refuse. */
export function returnFileName(r: DataReturnRecord, format: DataReturnFormat): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const period = r.period.kind === 'quarter' ? r.period.quarter : `meeting-${r.period.date}`;
  return `MARAC-data-return-${safe(r.area.name)}-${period}.${format}`;
}

/** The return written in `format`. */
export async function buildReturnFile(r: DataReturnRecord, format: DataReturnFormat): Promise<DataReturnFile> {
  const rows = dataReturnRows(r);
  const bytes = format === 'csv' ? Buffer.from(encodeCsv(rows), 'utf8') : await xlsxOf(rows);
  return {
    fileName: returnFileName(r, format),
    mediaType: MEDIA_TYPES[format],
    sha256: createHash('sha256').update(bytes).digest('hex'),
    contentBase64: bytes.toString('base64'),
  };
}
