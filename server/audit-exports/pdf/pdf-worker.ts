/**
 * The PDF export's worker thread: collects the printed events page by page, then typesets them in
 * one document with the Typst engine, off the server's event loop. One worker per export, ended
 * afterwards, so the layout's memory goes with it.
 */
import { parentPort } from 'node:worker_threads';
import { typesetTemplate } from '../../marac/pack/typst-engine.ts';
import { auditPdfPrintData, type PdfEvent } from './pdf-print-data.ts';
import { auditPdfTemplate } from './pdf-template.ts';
import type { PdfWorkerAnswer, PdfWorkerRequest } from './pdf-worker-messages.ts';

const port = parentPort;
if (port === null) {
  throw new Error('pdf-worker.ts runs only as a worker thread');
}
const events: PdfEvent[] = [];
port.on('message', (request: PdfWorkerRequest) => {
  if (request.kind === 'events') {
    events.push(...request.events);
    return;
  }
  let answer: PdfWorkerAnswer;
  try {
    const data = auditPdfPrintData(request.header, events);
    const typeset = typesetTemplate(auditPdfTemplate(), { export: JSON.stringify(data) }, new Date(request.header.generatedAt), 'audit export');
    answer = { ok: true, pdf: typeset.pdf, pages: typeset.pages };
  } catch (error) {
    answer = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(answer);
});
