/** What people are told about a file chosen for upload: the refusals before sending, and the server's. */
import { MAX_DOCUMENT_BYTES } from '../../domain/documents/max-document-bytes.ts';
import type { UploadRefusal } from '../../domain/documents/upload-choice.ts';
import type { ErrorBody } from '../../domain/errors.ts';
import { errorMessage } from './error-messages.ts';
import { formatFileSize } from './format-file-size.ts';

/** The kinds of file a case may hold, in words. */
export const ALLOWED_FILES_WORDS = 'PDF, PNG or JPEG image, Word (.docx), Excel (.xlsx), Outlook message (.msg), text, CSV or email (.eml)';

/** The desktop's own refusal of a chosen file. */
export function uploadRefusalWords(refusal: UploadRefusal, file: { name: string; size: number }): string {
  switch (refusal) {
    case 'empty':
      return `${file.name} is empty, so there is nothing to attach.`;
    case 'too_large':
      return `${file.name} is ${formatFileSize(file.size)}: a document may be at most ${formatFileSize(MAX_DOCUMENT_BYTES)}.`;
    case 'type_not_allowed':
      return `${file.name} is not a kind of file that can be attached. Allowed: ${ALLOWED_FILES_WORDS}.`;
    case 'extension_mismatch':
      return `The name of ${file.name} does not end as its kind of file should, so it cannot be attached.`;
  }
}

/** The server's refusal of an upload, or the shared words for other codes. */
export function uploadErrorWords(error: ErrorBody): string {
  switch (error.code) {
    case 'network_error':
      return 'Uploading needs a connection to the server: try again when this computer is connected.';
    case 'payload_too_large':
      return `The file is too large: a document may be at most ${formatFileSize(MAX_DOCUMENT_BYTES)}.`;
    case 'validation_error':
      // The server's own sentence says which check failed (type, name, content).
      return `The server did not accept the file: ${error.message}`;
    default:
      return errorMessage(error.code);
  }
}
