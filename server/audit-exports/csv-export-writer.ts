/**
 * Writes an export as CSV with csv-stringify: the marking as the first line, then the header row,
 * then one line per event. Cells that a spreadsheet would run as a formula (starting with `=`, `+`,
 * `-`, `@`, tab or CR) are prefixed with `'` by csv-stringify's `escape_formulas`, so they stay text.
 */
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { AUDIT_EXPORT_COLUMNS, EXPORT_MARKING } from '../../domain/audit/audit-export.ts';
import { exportCells } from './export-cells.ts';
import type { ExportRow } from './export-rows.ts';
import { writeChunk, type ExportWriter } from './export-writer.ts';

const OPTIONS = { escape_formulas: true, record_delimiter: 'windows' } as const;

/** A CSV writer over `out`; each page is stringified at once, so memory holds one page. */
export function createCsvExportWriter(out: Writable): ExportWriter {
  let started = false;
  return {
    async writeRows(rows: readonly ExportRow[]): Promise<void> {
      if (!started) {
        started = true;
        await writeChunk(out, `${EXPORT_MARKING}\r\n${stringify([[...AUDIT_EXPORT_COLUMNS]], OPTIONS)}`);
      }
      if (rows.length > 0) {
        await writeChunk(out, stringify(rows.map(exportCells), OPTIONS));
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
