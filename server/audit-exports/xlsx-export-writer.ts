/** Writes an export as XLSX: a sheet named with the marking, the marking as its first row, then the header and the events. */
import type { Writable } from 'node:stream';
import { AUDIT_EXPORT_COLUMNS, EXPORT_MARKING } from '../../domain/audit/audit-export.ts';
import { exportCells } from './export-cells.ts';
import type { ExportRow } from './export-rows.ts';
import type { ExportWriter } from './export-writer.ts';
import { XlsxSheetWriter } from '../spreadsheets/xlsx-sheet-writer.ts';

/** An XLSX writer over `out`. */
export function createXlsxExportWriter(out: Writable): ExportWriter {
  const sheet = new XlsxSheetWriter(out, EXPORT_MARKING);
  let started = false;
  return {
    async writeRows(rows: readonly ExportRow[]): Promise<void> {
      if (!started) {
        started = true;
        await sheet.writeRows([[EXPORT_MARKING], [...AUDIT_EXPORT_COLUMNS]]);
      }
      if (rows.length > 0) {
        await sheet.writeRows(rows.map(exportCells));
      }
    },
    async finish(): Promise<void> {
      await this.writeRows([]);
      // The zip stream is piped into `out`, which pipe() ends when the zip ends.
      await sheet.finish();
    },
    abort(error: Error): void {
      sheet.abort();
      out.destroy(error);
    },
  };
}
