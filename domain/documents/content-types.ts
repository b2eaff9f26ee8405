/** The file types a document may have: declared content type, allowed extensions and magic bytes. */

/** A leading byte signature at a fixed offset. */
export interface MagicSignature {
  offset: number;
  bytes: readonly number[];
}

/** How an allowed content type is recognised. `text` types have no signature and are sniffed as text. */
export interface ContentTypeRule {
  extensions: readonly string[];
  /** Any one of these must match; empty for text types. */
  signatures: readonly MagicSignature[];
  text: boolean;
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
const ZIP: MagicSignature = { offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04] };
const OLE: MagicSignature = { offset: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] };

/** The allow-list (docs/domain-model.md: content-type checked). Anything not here is refused. */
export const DOCUMENT_CONTENT_TYPES: Readonly<Record<string, ContentTypeRule>> = {
  'application/pdf': { extensions: ['pdf'], signatures: [{ offset: 0, bytes: ascii('%PDF-') }], text: false },
  'image/png': { extensions: ['png'], signatures: [{ offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }], text: false },
  'image/jpeg': { extensions: ['jpg', 'jpeg'], signatures: [{ offset: 0, bytes: [0xff, 0xd8, 0xff] }], text: false },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extensions: ['docx'], signatures: [ZIP], text: false },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { extensions: ['xlsx'], signatures: [ZIP], text: false },
  'application/vnd.ms-outlook': { extensions: ['msg'], signatures: [OLE], text: false },
  'text/plain': { extensions: ['txt'], signatures: [], text: true },
  'text/csv': { extensions: ['csv'], signatures: [], text: true },
  'message/rfc822': { extensions: ['eml'], signatures: [], text: true },
};

/** Signatures of executables and archives that must never pass as text. */
export const BINARY_SIGNATURES: readonly MagicSignature[] = [
  { offset: 0, bytes: ascii('MZ') },
  { offset: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { offset: 0, bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { offset: 0, bytes: ascii('#!') },
  ZIP,
  OLE,
];

/** The declared type without parameters, lower-cased (`Text/Plain; charset=utf-8` → `text/plain`). */
export function normaliseContentType(declared: string): string {
  return (declared.split(';')[0] ?? '').trim().toLowerCase();
}

/** The rule for a declared content type, or null when the type is not allowed. */
export function contentTypeRule(declared: string): ContentTypeRule | null {
  const type = normaliseContentType(declared);
  return Object.hasOwn(DOCUMENT_CONTENT_TYPES, type) ? (DOCUMENT_CONTENT_TYPES[type] ?? null) : null;
}

/** The lower-cased extension of a file name ('' when it has none). */
export function fileExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}
