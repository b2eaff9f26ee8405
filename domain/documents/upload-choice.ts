/**
 * The desktop's check of a file chosen for upload, before any byte is sent: the same size limit and
 * allow-list of types the server applies (the server checks again, content included).
 */
import { contentTypeRule, fileExtension } from './content-types.ts';
import { MAX_DOCUMENT_BYTES } from './max-document-bytes.ts';

/** Why a chosen file cannot be uploaded. */
export type UploadRefusal = 'empty' | 'too_large' | 'type_not_allowed' | 'extension_mismatch';

/** What is known of a chosen file without reading it. */
export interface ChosenFile {
  name: string;
  /** The type the operating system declares ('' when it does not know). */
  type: string;
  size: number;
}

/** Null when the file may be sent; otherwise why not. */
export function checkUploadChoice(file: ChosenFile): UploadRefusal | null {
  if (file.size === 0) {
    return 'empty';
  }
  if (file.size > MAX_DOCUMENT_BYTES) {
    return 'too_large';
  }
  const rule = contentTypeRule(file.type);
  if (!rule) {
    return 'type_not_allowed';
  }
  return rule.extensions.includes(fileExtension(file.name)) ? null : 'extension_mismatch';
}
