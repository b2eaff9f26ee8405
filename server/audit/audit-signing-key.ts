/**
 * The audit log's Ed25519 signing key, read from a file outside the database (docs/audit.md,
 * "Checkpoints"). The file holds one line in the note-key format
 * `PRIVATE+KEY+<name>+<hex key hash>+<base64(0x01 || 32-byte seed)>`, as `npm run audit:keygen` writes it.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fromBase64, fromHex, toBase64, toHex } from '../../domain/audit/base64.ts';
import { bytesEqual } from '../../domain/audit/merkle-hash.ts';
import { formatSignedNote, formatVerifierKey, isNoteKeyName, noteKeyId, type NoteVerifierKey } from '../../domain/audit/signed-note.ts';
import { sha256 } from './sha256.ts';

/** A loaded signing key. */
export interface AuditSigningKey {
  name: string;
  verifierKey: NoteVerifierKey;
  /** The verifier key text an auditor is given. */
  verifierKeyText: string;
  /** Signs a note body, returning the whole signed note. */
  signNote(body: string): string;
}

/** A new key's file text for `name`. */
export function generateAuditSigningKeyText(name: string): string {
  if (!isNoteKeyName(name)) {
    throw new Error(`"${name}" cannot name a key: use text without spaces or "+".`);
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url');
  const publicKey = rawPublicKey(privateKey);
  return `PRIVATE+KEY+${name}+${toHex(noteKeyId(sha256, name, publicKey))}+${toBase64(Uint8Array.of(1, ...seed))}\n`;
}

/** Parses a key file's text; throws a message naming what is wrong, never the key. */
export function parseAuditSigningKey(text: string): AuditSigningKey {
  // Base64 may itself hold '+', so the key is everything after the fourth separator.
  const parts = text.trim().split('+');
  const [p1, p2, name, hashHex] = parts;
  const seed = parts.length < 5 ? undefined : fromBase64(parts.slice(4).join('+'));
  if ( p1 !== 'PRIVATE' || p2 !== 'KEY' || !name || !isNoteKeyName(name) || seed?.length !== 33 || seed[0] !== 1) {
    throw new Error('The audit signing key file is not an Ed25519 note key (PRIVATE+KEY+<name>+<hash>+<key>).');
  }
  const privateKey = createPrivateKey({ key: Buffer.from(pkcs8Prefix(seed.slice(1))), format: 'der', type: 'pkcs8' });
  const publicKey = rawPublicKey(privateKey);
  const keyId = noteKeyId(sha256, name, publicKey);
  if (!bytesEqual(keyId, fromHex(hashHex ?? '') ?? new Uint8Array())) {
    throw new Error('The audit signing key file is damaged: its key hash does not match the key.');
  }
  return {
    name,
    verifierKey: { name, keyId, publicKey },
    verifierKeyText: formatVerifierKey(sha256, name, publicKey),
    signNote: (body) => formatSignedNote(body, { name, keyId, signature: sign(null, Buffer.from(body, 'utf8'), privateKey) }),
  };
}

/** Reads the key file; when `createIfMissing` (development and demo), writes a new key there first. */
export function loadAuditSigningKey(file: string, name: string, createIfMissing: boolean): AuditSigningKey {
  if (!existsSync(file)) {
    if (!createIfMissing) {
      throw new Error(`No audit signing key at ${file}; create one with: npm run audit:keygen -- ${file} ${name}`);
    }
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, generateAuditSigningKeyText(name), { mode: 0o600, flag: 'wx' });
  }
  const key = parseAuditSigningKey(readFileSync(file, 'utf8'));
  if (key.name !== name) {
    throw new Error(`The audit signing key is named ${key.name}, but the log's origin is ${name}.`);
  }
  return key;
}

// DER of an Ed25519 PKCS#8 private key is this fixed prefix followed by the 32-byte seed (RFC 8410).
function pkcs8Prefix(seed: Uint8Array): Uint8Array {
  return Uint8Array.of(0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20, ...seed);
}

function rawPublicKey(privateKey: KeyObject): Uint8Array {
  return Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x!, 'base64url');
}
