/** What every export format's writer offers the export job (and writeChunk, for writing with backpressure). */
import type { ExportRow } from './export-rows.ts';

/** Writes one export file page by page into a stream it ends on `finish`. */
export interface ExportWriter {
  /** Appends rows; resolves once the stream has taken them (waits for drain). */
  writeRows(rows: readonly ExportRow[]): Promise<void>;
  /** Writes what closes the file and ends the output stream. */
  finish(): Promise<void>;
  /** Stops writing and destroys the output stream. */
  abort(error: Error): void;
}

export { writeChunk } from '../streams/write-chunk.ts';
