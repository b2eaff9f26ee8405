/**
 * C2SP signed-note (https://c2sp.org/signed-note) with Ed25519 keys: the envelope the audit log's
 * checkpoints travel in. Pure: hashing and signature checks come from the caller.
 */
import { fromBase64, fromHex, toBase64, toHex } from './base64.ts';
import { bytesEqual, type Sha256 } from './merkle-hash.ts';

/** The signature type byte for Ed25519 in key hashes and key encodings. */
const ED25519 = 0x01;
/** A signature line starts with an em dash and a space. */
const SIGNATURE_PREFIX = '\u2014 ';

/** Checks an Ed25519 signature over a message with a raw 32-byte public key. */
export type Ed25519Verify = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean;

/** A named Ed25519 verifier key. */
export interface NoteVerifierKey {
  name: string;
  keyId: Uint8Array;
  publicKey: Uint8Array;
}

/** One signature line of a note. */
export interface NoteSignature {
  name: string;
  keyId: Uint8Array;
  signature: Uint8Array;
}

/** The 4-byte key hash: the first bytes of SHA-256(name || "\n" || 0x01 || public key). */
export function noteKeyId(sha256: Sha256, name: string, publicKey: Uint8Array): Uint8Array {
  const nameBytes = new TextEncoder().encode(`${name}\n`);
  const input = new Uint8Array(nameBytes.length + 1 + publicKey.length);
  input.set(nameBytes);
  input[nameBytes.length] = ED25519;
  input.set(publicKey, nameBytes.length + 1);
  return sha256(input).slice(0, 4);
}

/** A key name is non-empty text without spaces, pluses or newlines. */
export function isNoteKeyName(name: string): boolean {
  return /^[^\s+\u2014]+$/u.test(name);
}

/** The verifier key text `<name>+<hex key hash>+<base64(0x01 || public key)>`, what an auditor is given. */
export function formatVerifierKey(sha256: Sha256, name: string, publicKey: Uint8Array): string {
  return `${name}+${toHex(noteKeyId(sha256, name, publicKey))}+${toBase64(Uint8Array.of(ED25519, ...publicKey))}`;
}

/** Parses a verifier key text, checking its key hash; undefined when malformed or not Ed25519. */
export function parseVerifierKey(sha256: Sha256, text: string): NoteVerifierKey | undefined {
  // Base64 may itself hold '+', so the key is everything after the second separator.
  const parts = text.trim().split('+');
  if (parts.length < 3) {
    return undefined;
  }
  const [name, hashHex] = parts as [string, string];
  const keyB64 = parts.slice(2).join('+');
  const keyId = fromHex(hashHex);
  const encoded = fromBase64(keyB64);
  if (!isNoteKeyName(name) || keyId?.length !== 4 || encoded?.length !== 33 || encoded[0] !== ED25519) {
    return undefined;
  }
  const publicKey = encoded.slice(1);
  return bytesEqual(noteKeyId(sha256, name, publicKey), keyId) ? { name, keyId, publicKey } : undefined;
}

/** The note text: the body (ending in a newline), a blank line, then one signature line. */
export function formatSignedNote(body: string, signature: NoteSignature): string {
  return `${body}\n${SIGNATURE_PREFIX}${signature.name} ${toBase64(Uint8Array.of(...signature.keyId, ...signature.signature))}\n`;
}

/** Splits a note into its body and signature lines; undefined when it is not a well-formed note. */
export function parseSignedNote(text: string): { body: string; signatures: NoteSignature[] } | undefined {
  const split = text.lastIndexOf('\n\n');
  if (split < 0 || !text.endsWith('\n')) {
    return undefined;
  }
  const body = text.slice(0, split + 1);
  const lines = text.slice(split + 2, -1).split('\n');
  const signatures: NoteSignature[] = [];
  for (const line of lines) {
    if (!line.startsWith(SIGNATURE_PREFIX)) {
      return undefined;
    }
    const [name, encoded, ...rest] = line.slice(SIGNATURE_PREFIX.length).split(' ');
    const bytes = encoded === undefined ? undefined : fromBase64(encoded);
    if (rest.length > 0 || name === undefined || !isNoteKeyName(name) || !bytes || bytes.length < 5) {
      return undefined;
    }
    signatures.push({ name, keyId: bytes.slice(0, 4), signature: bytes.slice(4) });
  }
  return signatures.length > 0 ? { body, signatures } : undefined;
}

/** The body of a note carrying a valid signature by `key`, or undefined (unsigned by it, or malformed). */
export function openSignedNote(text: string, key: NoteVerifierKey, verify: Ed25519Verify): string | undefined {
  const note = parseSignedNote(text);
  if (!note) {
    return undefined;
  }
  const message = new TextEncoder().encode(note.body);
  const signed = note.signatures.some((s) => s.name === key.name && bytesEqual(s.keyId, key.keyId)
    && s.signature.length === 64 && verify(key.publicKey, message, s.signature));
  return signed ? note.body : undefined;
}
