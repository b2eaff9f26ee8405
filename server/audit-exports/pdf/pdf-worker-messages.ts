/** What the export job and its PDF worker thread say to each other. */
import type { AuditPdfHeader, PdfEvent } from './pdf-print-data.ts';

/** Rows to add, in order; or typeset everything received so far. */
export type PdfWorkerRequest =
  | { kind: 'events'; events: PdfEvent[] }
  | { kind: 'typeset'; header: AuditPdfHeader };

/** The typeset file, or why there is none. */
export type PdfWorkerAnswer = { ok: true; pdf: Uint8Array; pages: number } | { ok: false; message: string };
