/** Magic-byte sniffing: does the start of a file agree with the content type it was declared as? */
import { BINARY_SIGNATURES, type ContentTypeRule, type MagicSignature } from './content-types.ts';

/** How many leading bytes the sniffer wants to see. */
export const SNIFF_BYTES = 4096;

/** True when `head` carries the signature. */
export function hasSignature(head: Uint8Array, signature: MagicSignature): boolean {
  if (head.length < signature.offset + signature.bytes.length) {
    return false;
  }
  return signature.bytes.every((b, i) => head[signature.offset + i] === b);
}

/**
 * True when the bytes look like text: no NUL or other C0 controls besides tab, line breaks, form
 * feed and escape. Any 8-bit encoding passes (CSV exports are often Windows-1252, not UTF-8).
 */
export function looksLikeText(head: Uint8Array): boolean {
  if (BINARY_SIGNATURES.some((s) => hasSignature(head, s))) {
    return false;
  }
  for (const byte of head) {
    const allowedControl = byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d || byte === 0x1b;
    if ((byte < 0x20 && !allowedControl) || byte === 0x7f) {
      return false;
    }
  }
  return true;
}

/** True when the leading bytes of a file match its declared type's rule. */
export function contentMatchesRule(head: Uint8Array, rule: ContentTypeRule): boolean {
  if (rule.text) {
    return looksLikeText(head);
  }
  return rule.signatures.some((s) => hasSignature(head, s));
}
