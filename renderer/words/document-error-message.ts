/** What people are told when a document cannot be opened, by the `documents.content` error code. */
import type { ErrorBody } from '../../domain/errors.ts';
import { errorMessage } from './error-messages.ts';

/** The words for a failed "Open": the channel's own situations first, the shared words for other codes. */
export function documentErrorMessage(error: ErrorBody): string {
  switch (error.code) {
    case 'network_error':
      return 'This document is not on this computer yet, and the server cannot be reached. Connect to the network and try again; Casebridge also downloads it at the next sync.';
    case 'not_found':
      return 'This document is no longer in the offline copy on this computer. It may have been removed, or you may no longer have access.';
    default:
      return errorMessage(error.code);
  }
}
