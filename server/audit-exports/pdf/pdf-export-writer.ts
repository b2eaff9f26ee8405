/**
 * Writes an export as one PDF (docs/audit.md, "Exports"): each page of rows goes to a worker thread
 * as it is read, the worker typesets the whole document with the Typst engine, and the file is
 * written out a mebibyte at a time. Typst lays a document out in memory, so a PDF export holds at
 * most AUDIT_PDF_MAX_ROWS events (refused at creation; refused here too, should a job ever see more).
 */
import type { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { AUDIT_PDF_MAX_ROWS } from '../../../domain/audit/audit-export.ts';
import { tsxWorkerScript } from '../../workers/tsx-worker-script.ts';
import type { ExportRow } from '../export-rows.ts';
import { writeChunk, type ExportWriter } from '../export-writer.ts';
import { pdfEvent, type AuditPdfHeader } from './pdf-print-data.ts';
import type { PdfWorkerAnswer, PdfWorkerRequest } from './pdf-worker-messages.ts';

const WRITE_CHUNK = 1 << 20;

/** A PDF writer over `out`, its worker started at once. */
export function createPdfExportWriter(out: Writable, header: AuditPdfHeader): ExportWriter {
  const worker = new Worker(tsxWorkerScript(new URL('./pdf-worker.ts', import.meta.url)), { eval: true });
  const answer = new Promise<PdfWorkerAnswer>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The PDF worker stopped (exit code ${code}).`)));
  });
  // Read by finish(); until then a failure must not count as unhandled.
  answer.catch(() => undefined);
  const send = (request: PdfWorkerRequest) => worker.postMessage(request);
  let rows = 0;
  return {
    writeRows(page: readonly ExportRow[]): Promise<void> {
      rows += page.length;
      if (rows > AUDIT_PDF_MAX_ROWS) {
        return Promise.reject(new Error(`A PDF export holds at most ${AUDIT_PDF_MAX_ROWS} events.`));
      }
      if (page.length > 0) {
        send({ kind: 'events', events: page.map(pdfEvent) });
      }
      return Promise.resolve();
    },
    async finish(): Promise<void> {
      send({ kind: 'typeset', header });
      const typeset = await answer.finally(() => worker.terminate());
      if (!typeset.ok) {
        throw new Error(typeset.message);
      }
      const { pdf } = typeset;
      for (let at = 0; at < pdf.byteLength; at += WRITE_CHUNK) {
        await writeChunk(out, Buffer.from(pdf.buffer, pdf.byteOffset + at, Math.min(WRITE_CHUNK, pdf.byteLength - at)));
      }
      out.end();
    },
    abort(error: Error): void {
      void worker.terminate();
      out.destroy(error);
    },
  };
}
