/**
 * Writes an export as CSV: the marking as the first line, then the header row, then one line per
 * event. Cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
 * CR) are prefixed with `'`, so they stay text. The encoder (domain/audit/csv-encode.ts) writes
 * what csv-stringify's `escape_formulas` writes, byte for byte, at several times its speed.
 */
import type { Writable } from 'node:stream';
import { AUDIT_EXPORT_COLUMNS, EXPORT_MARKING } from '../../domain/audit/audit-export.ts';
import { encodeCsv } from '../../domain/audit/csv-encode.ts';
import { exportCells } from './export-cells.ts';
import type { ExportRow } from './export-rows.ts';
import { writeChunk, type ExportWriter } from './export-writer.ts';

/** A CSV writer over `out`; each page is stringified at once, so memory holds one page. */
export function createCsvExportWriter(out: Writable): ExportWriter {
  let started = false;
  return {
    async writeRows(rows: readonly ExportRow[]): Promise<void> {
      if (!started) {
        started = true;
        await writeChunk(out, `${EXPORT_MARKING}\r\n${encodeCsv([AUDIT_EXPORT_COLUMNS])}`);
      }
      if (rows.length > 0) {
        await writeChunk(out, encodeCsv(rows.map(exportCells)));
      }
    },
    async finish(): Promise<void> {
      await this.writeRows([]);
      out.end();
    },
    abort(error: Error): void {
      out.destroy(error);
    },
  };
}
