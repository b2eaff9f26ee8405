/** Refuses uploads whose type, extension or leading bytes are not on the allow-list or disagree. */
import { contentTypeRule, fileExtension, normaliseContentType } from '../../domain/documents/content-types.ts';
import { contentMatchesRule } from '../../domain/documents/sniff-content.ts';
import { CodedError } from '../../domain/errors.ts';
import type { StagedBlob } from './blob-store.ts';

/** Checks the declared type and the magic bytes; returns the normalised content type to store. */
export function checkContent(fileName: string, declaredType: string, staged: StagedBlob): string {
  const rule = contentTypeRule(declaredType);
  if (!rule) {
    throw new CodedError('validation_error', 'This type of file cannot be attached (allowed: PDF, PNG, JPEG, DOCX, XLSX, MSG, TXT, CSV, EML).');
  }
  if (!rule.extensions.includes(fileExtension(fileName))) {
    throw new CodedError('validation_error', `The file name must end in .${rule.extensions.join(' or .')} for this type of file.`);
  }
  if (staged.sizeBytes === 0) {
    throw new CodedError('validation_error', 'The file is empty.');
  }
  if (!contentMatchesRule(staged.head, rule)) {
    throw new CodedError('validation_error', 'The file content does not match its declared type.');
  }
  return normaliseContentType(declaredType);
}
