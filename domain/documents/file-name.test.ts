import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME_LENGTH, sanitiseFileName } from './file-name.ts';
import { DOCUMENT_CONTENT_TYPES } from './content-types.ts';
import { contentMatchesRule } from './sniff-content.ts';

describe('sanitiseFileName', () => {
  it('keeps only the last path segment and never leaves a dot-dot', () => {
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('..\\..\\boot.ini')).toBe('boot.ini');
    expect(sanitiseFileName('..')).toBe('document');
    expect(sanitiseFileName('a..b...pdf')).toBe('a.b.pdf');
  });

  it('removes control and bidi characters and defuses Windows device names', () => {
    expect(sanitiseFileName('inv\u0000oice\u202Efdp.exe.txt')).toBe('invoicefdp.exe.txt');
    expect(sanitiseFileName('CON.txt')).toBe('_CON.txt');
    expect(sanitiseFileName('a<b>:c|d?.csv')).toBe('a_b__c_d_.csv');
  });

  it('limits the length but keeps the extension', () => {
    const long = sanitiseFileName(`${'x'.repeat(500)}.pdf`);
    expect(Array.from(long)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});

describe('magic-byte sniffing', () => {
  const rule = (type: string) => DOCUMENT_CONTENT_TYPES[type]!;
  it('accepts matching signatures and refuses executables passed off as documents or text', () => {
    expect(contentMatchesRule(Buffer.from('%PDF-1.4'), rule('application/pdf'))).toBe(true);
    expect(contentMatchesRule(Buffer.from('MZ\x90\x00'), rule('application/pdf'))).toBe(false);
    expect(contentMatchesRule(Buffer.from('name,age\r\nA,1\r\n'), rule('text/csv'))).toBe(true);
    expect(contentMatchesRule(Buffer.from('MZ\x90\x00\x03'), rule('text/plain'))).toBe(false);
    expect(contentMatchesRule(Buffer.from('PK\x03\x04'), rule('text/plain'))).toBe(false);
  });
});
