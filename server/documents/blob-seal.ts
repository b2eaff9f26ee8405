/**
 * Sealed blob files: `CBB1` | 12-byte IV | AES-256-GCM ciphertext | 16-byte tag, streamed both ways.
 * Used for every staged upload (with a random key held only in memory, so no plaintext reaches
 * the disk) and for stored documents when database encryption is on (key derived from the DB key).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { PassThrough, Transform, type Readable } from 'node:stream';
import type { DatabaseConfig } from '../context/config.ts';

const MAGIC = Buffer.from('CBB1', 'ascii');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + IV_BYTES;

/** A key and the associated data a sealed file is bound to (a document id, or the staging marker). */
export interface BlobSeal {
  key: Buffer;
  aad: string;
}

/**
 * The key for stored documents: HKDF-SHA256 of the database key, so one configured secret covers
 * both and the two uses never share a key. Null when the database is not encrypted.
 */
export function documentBlobKey(database: DatabaseConfig): Buffer | null {
  if (database.dialect !== 'sqlite' || !database.key) {
    return null;
  }
  return Buffer.from(hkdfSync('sha256', Buffer.from(database.key, 'hex'), Buffer.alloc(0), 'casebridge document blobs v1', 32));
}

/** A transform that seals what passes through it (header first, tag last). */
export function sealStream(seal: BlobSeal): Transform {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', seal.key, iv);
  cipher.setAAD(Buffer.from(seal.aad, 'utf8'));
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const out = cipher.update(chunk);
      done(null, started ? out : Buffer.concat([MAGIC, iv, out]));
      started = true;
    },
    flush(done) {
      const tail = Buffer.concat([cipher.final(), cipher.getAuthTag()]);
      done(null, started ? tail : Buffer.concat([MAGIC, iv, tail]));
    },
  });
}

/**
 * Streams the plaintext of a sealed file. The tag is checked when the stream ends: an altered,
 * truncated or misbound file makes the stream fail instead of ending normally.
 */
export function openSealedFile(path: string, seal: BlobSeal): Readable {
  const out = new PassThrough();
  void (async () => {
    const size = (await stat(path)).size;
    if (size < HEADER_BYTES + TAG_BYTES) {
      throw new Error('sealed blob too short');
    }
    const handle = await open(path, 'r');
    const header = Buffer.alloc(HEADER_BYTES);
    const tag = Buffer.alloc(TAG_BYTES);
    try {
      await handle.read(header, 0, HEADER_BYTES, 0);
      await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
    } finally {
      await handle.close();
    }
    if (!header.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new Error('not a sealed blob');
    }
    const decipher = createDecipheriv('aes-256-gcm', seal.key, header.subarray(MAGIC.length));
    decipher.setAAD(Buffer.from(seal.aad, 'utf8'));
    decipher.setAuthTag(tag);
    const body = size - TAG_BYTES > HEADER_BYTES
      ? createReadStream(path, { start: HEADER_BYTES, end: size - TAG_BYTES - 1 })
      : null;
    body?.on('error', (error) => out.destroy(error));
    decipher.on('error', (error) => out.destroy(error));
    if (body) {
      body.pipe(decipher).pipe(out);
    } else {
      decipher.pipe(out);
      decipher.end();
    }
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
