import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from './max-document-bytes.ts';
import { checkUploadChoice } from './upload-choice.ts';

describe('a file chosen for upload', () => {
  it('passes an allowed type with its own extension up to the size limit', () => {
    expect(checkUploadChoice({ name: 'Visit notes.PDF', type: 'application/pdf', size: MAX_DOCUMENT_BYTES })).toBeNull();
    expect(checkUploadChoice({ name: 'notes.txt', type: 'text/plain; charset=utf-8', size: 1 })).toBeNull();
  });

  it('refuses an empty file, one over the limit, a type not on the list and a mismatched extension', () => {
    expect(checkUploadChoice({ name: 'a.pdf', type: 'application/pdf', size: 0 })).toBe('empty');
    expect(checkUploadChoice({ name: 'a.pdf', type: 'application/pdf', size: MAX_DOCUMENT_BYTES + 1 })).toBe('too_large');
    expect(checkUploadChoice({ name: 'setup.exe', type: 'application/x-msdownload', size: 10 })).toBe('type_not_allowed');
    expect(checkUploadChoice({ name: 'photo', type: '', size: 10 })).toBe('type_not_allowed');
    expect(checkUploadChoice({ name: 'photo.png', type: 'application/pdf', size: 10 })).toBe('extension_mismatch');
  });
});
