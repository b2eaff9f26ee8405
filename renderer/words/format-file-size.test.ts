import { describe, expect, it } from 'vitest';
import { formatFileSize } from './format-file-size.ts';

describe('formatFileSize', () => {
  it('counts small files in bytes, with the right noun', () => {
    expect(formatFileSize(0)).toBe('0 bytes');
    expect(formatFileSize(1)).toBe('1 byte');
    expect(formatFileSize(1023)).toBe('1023 bytes');
  });

  it('shows one decimal below ten units and whole units above', () => {
    expect(formatFileSize(1024)).toBe('1 KB');
    expect(formatFileSize(2458)).toBe('2.4 KB');
    expect(formatFileSize(150 * 1024)).toBe('150 KB');
    expect(formatFileSize(13 * 1024 * 1024 + 1)).toBe('13 MB');
    expect(formatFileSize(5 * 1024 ** 3)).toBe('5 GB');
  });
});
