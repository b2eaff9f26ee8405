/** What every export format's writer offers the export job, and writing with backpressure. */
import type { Writable } from 'node:stream';
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

/** Writes a chunk and waits for the stream to drain when its buffer is full, so memory stays flat. */
export function writeChunk(out: Writable, chunk: string | Buffer): Promise<void> {
  if (out.write(chunk)) {
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const onDrain = () => { out.off('error', onError); out.off('close', onClose); resolve(); };
    const onError = (error: Error) => { out.off('drain', onDrain); out.off('close', onClose); reject(error); };
    const onClose = () => { out.off('drain', onDrain); out.off('error', onError); reject(new Error('The export stream closed before it drained.')); };
    out.once('drain', onDrain);
    out.once('error', onError);
    out.once('close', onClose);
  });
}
