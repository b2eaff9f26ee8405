/** Words for audit exports: the status of a job and what people are told when a call is refused. */
import { AUDIT_PDF_MAX_ROWS, type AuditExportFormat, type AuditExportStatus } from '../../domain/audit/audit-export.ts';
import type { ErrorBody } from '../../domain/errors.ts';
import { errorMessage } from './error-messages.ts';

/** A job's status as a sentence. */
export const AUDIT_EXPORT_STATUS_WORDS: Record<AuditExportStatus, string> = {
  running: 'The export is being written on the server.',
  complete: 'The export is ready to save.',
  failed: 'The export failed on the server. Start it again, and contact IT support if it keeps failing.',
  cancelled: 'The export was cancelled; its partial file was removed from the server.',
  removed: 'The export was removed from the server.',
};

/**
 * The words for a refused export call: the core's own sentence where it words the situation, shared
 * words otherwise. A PDF refused as invalid (the reason was already checked here) is over the PDF limit.
 */
export function auditExportErrorMessage(error: ErrorBody, format?: AuditExportFormat): string {
  if (error.code === 'validation_error' && format === 'pdf') {
    return `A PDF holds at most ${AUDIT_PDF_MAX_ROWS.toLocaleString('en-GB')} events and these filters match more: narrow them, or choose CSV or XLSX.`;
  }
  switch (error.code) {
    case 'network_error':
    case 'payload_too_large':
      return error.message.trim() !== '' ? error.message : errorMessage(error.code);
    case 'authorization_error':
      return 'Only a data officer can export the audit trail, and only where this computer is allowed to save files from Casebridge.';
    case 'validation_error':
      return 'The export was refused: check the reason and the filters, then try again.';
    case 'not_found':
      return 'That export could not be found: only the data officer who started it can see it.';
    default:
      return errorMessage(error.code);
  }
}
