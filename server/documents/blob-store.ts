/**
 * Document content on disk under `<dataDir>/blobs`: random storage keys fanned out over two
 * directory levels. File names from users never reach a path; only validated keys do. With
 * database encryption on, stored content is sealed (blob-seal.ts) and bound to its document id.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CodedError } from '../../domain/errors.ts';
import { SNIFF_BYTES } from '../../domain/documents/sniff-content.ts';
import type { ServerConfig } from '../context/config.ts';
import { documentBlobKey, openSealedFile, sealStream, type BlobSeal } from './blob-seal.ts';

const STORAGE_KEY = /^[0-9a-f]{32}$/;

/** What streaming an upload to a temp file measured. */
export interface StagedBlob {
  tempPath: string;
  sizeBytes: number;
  sha256: string;
  /** The first bytes, for magic-byte sniffing. */
  head: Buffer;
  /** The random key the temp file is sealed with; it lives only in memory, so no plaintext is on disk. */
  tempKey: Buffer;
}

const STAGING_AAD = 'casebridge staged upload';

/** How a document's stored content is sealed: null when database encryption is off (plain file). */
export function documentSeal(config: ServerConfig, documentId: string): BlobSeal | null {
  const key = documentBlobKey(config.database);
  return key ? { key, aad: documentId } : null;
}

/** The blob directory of a server. */
export function blobRoot(dataDir: string): string {
  return join(dataDir, 'blobs');
}

/** A new random storage key. */
export function newStorageKey(): string {
  return randomBytes(16).toString('hex');
}

/** Where a stored blob lives; refuses anything that is not a storage key. */
export function blobPath(dataDir: string, storageKey: string): string {
  if (!STORAGE_KEY.test(storageKey)) {
    throw new CodedError('internal_error', 'A stored document has an invalid storage key.');
  }
  return join(blobRoot(dataDir), storageKey.slice(0, 2), storageKey.slice(2, 4), storageKey);
}

/** Streams content to a sealed temp file in the blob directory, hashing and counting the plaintext as it goes. */
export async function stageBlob(dataDir: string, source: Readable): Promise<StagedBlob> {
  const tempDir = join(blobRoot(dataDir), 'tmp');
  await mkdir(tempDir, { recursive: true, mode: 0o700 });
  const tempPath = join(tempDir, `${newStorageKey()}.part`);
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const headChunks: Buffer[] = [];
  let headBytes = 0;
  const tempKey = randomBytes(32);
  try {
    await pipeline(source, async function* measure(chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        hash.update(chunk);
        sizeBytes += chunk.length;
        if (headBytes < SNIFF_BYTES) {
          headChunks.push(chunk);
          headBytes += chunk.length;
        }
        yield chunk;
      }
    }, sealStream({ key: tempKey, aad: STAGING_AAD }), createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await discard(tempPath);
    throw error;
  }
  return { tempPath, sizeBytes, sha256: hash.digest('hex'), head: Buffer.concat(headChunks).subarray(0, SNIFF_BYTES), tempKey };
}

/**
 * Writes a staged blob to its final place under a storage key: opened with its in-memory key and
 * sealed for the document when `seal` is given, else stored plain. The temp file is then removed.
 */
export async function commitBlob(dataDir: string, staged: StagedBlob, storageKey: string, seal: BlobSeal | null): Promise<void> {
  const target = blobPath(dataDir, storageKey);
  await mkdir(join(target, '..'), { recursive: true, mode: 0o700 });
  try {
    await pipeline(
      openSealedFile(staged.tempPath, { key: staged.tempKey, aad: STAGING_AAD }),
      seal ? sealStream(seal) : new PassThrough(),
      createWriteStream(target, { flags: 'wx', mode: 0o600 }),
    );
  } catch (error) {
    await discard(target);
    throw error;
  }
  await discard(staged.tempPath);
}

/** Removes a file if it exists (temp files and deleted documents). */
export async function discard(path: string): Promise<void> {
  await rm(path, { force: true });
}

/** The SHA-256 and size of a stored blob's content, read from disk (and opened, when sealed). */
export async function hashStoredBlob(dataDir: string, storageKey: string, seal: BlobSeal | null): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  for await (const chunk of await openBlob(dataDir, storageKey, seal) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    sizeBytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), sizeBytes };
}

/**
 * A read stream over a stored blob's content. With a seal, a file stored before encryption was
 * turned on (no sealed header) is still read as it is; the SHA-256 check against the row guards it.
 */
export async function openBlob(dataDir: string, storageKey: string, seal: BlobSeal | null): Promise<Readable> {
  const path = blobPath(dataDir, storageKey);
  return seal && (await isSealedBlob(path)) ? openSealedFile(path, seal) : createReadStream(path);
}

/** True when a file starts with the sealed-blob header. */
export async function isSealedBlob(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.toString('ascii') === 'CBB1';
  } finally {
    await handle.close();
  }
}
