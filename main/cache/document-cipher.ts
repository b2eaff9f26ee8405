/**
 * The sealed format of a stored document file: AES-256-GCM under a key derived from the cache key,
 * with the document id as additional authenticated data, behind a small versioned header.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { CodedError } from '../../domain/errors.ts';

// A distinct HKDF label: the SQLite key itself never encrypts a file, and a new label gives new keys.
const KEY_INFO = 'casebridge/cache/document-files/v1';
const MAGIC = Buffer.from('CBDF', 'ascii');
const VERSION = 1;
const HEADER_BYTES = MAGIC.length + 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** The key that seals document files, derived (HKDF-SHA256) from the 64-hex-digit cache key. */
export function deriveDocumentFileKey(cacheKeyHex: string): Buffer {
  if (!/^[0-9a-f]{64}$/i.test(cacheKeyHex)) {
    throw new CodedError('internal_error', 'The cache key has the wrong form.');
  }
  return Buffer.from(hkdfSync('sha256', Buffer.from(cacheKeyHex, 'hex'), Buffer.alloc(0), KEY_INFO, 32));
}

/** `magic | version | nonce | ciphertext | tag`; a fresh random 96-bit nonce per file. */
export function sealDocument(fileKey: Buffer, docId: string, content: Buffer): Buffer {
  const header = Buffer.concat([MAGIC, Buffer.of(VERSION)]);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', fileKey, nonce);
  cipher.setAAD(associatedData(header, docId));
  const body = Buffer.concat([cipher.update(content), cipher.final()]);
  return Buffer.concat([header, nonce, body, cipher.getAuthTag()]);
}

/**
 * The content of a sealed file, after its tag is verified; a file altered, truncated, sealed for
 * another document or under another key fails with `internal_error`.
 */
export function openSealedDocument(fileKey: Buffer, docId: string, sealed: Buffer): Buffer {
  if (sealed.length < HEADER_BYTES + NONCE_BYTES + TAG_BYTES || !sealed.subarray(0, MAGIC.length).equals(MAGIC) || sealed[MAGIC.length] !== VERSION) {
    throw failedCheck();
  }
  const header = sealed.subarray(0, HEADER_BYTES);
  const nonce = sealed.subarray(HEADER_BYTES, HEADER_BYTES + NONCE_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', fileKey, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(header, docId));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES + NONCE_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw failedCheck();
  }
}

// The header is authenticated too, so a version byte cannot be swapped under a valid body.
function associatedData(header: Buffer, docId: string): Buffer {
  return Buffer.concat([header, Buffer.from(docId.toLowerCase(), 'utf8')]);
}

// Same code as the server's own integrity failure on a stored blob.
function failedCheck(): CodedError {
  return new CodedError('internal_error', 'The offline copy of this document failed its integrity check.');
}
