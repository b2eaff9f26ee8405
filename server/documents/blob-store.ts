/**
 * Document content on disk under `<dataDir>/blobs`: random storage keys fanned out over two
 * directory levels. File names from users never reach a path; only validated keys do.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CodedError } from '../../domain/errors.ts';
import { SNIFF_BYTES } from '../../domain/documents/sniff-content.ts';

const STORAGE_KEY = /^[0-9a-f]{32}$/;

/** What streaming an upload to a temp file measured. */
export interface StagedBlob {
  tempPath: string;
  sizeBytes: number;
  sha256: string;
  /** The first bytes, for magic-byte sniffing. */
  head: Buffer;
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

/** Streams content to a temp file in the blob directory, hashing and counting as it goes. */
export async function stageBlob(dataDir: string, source: Readable): Promise<StagedBlob> {
  const tempDir = join(blobRoot(dataDir), 'tmp');
  await mkdir(tempDir, { recursive: true, mode: 0o700 });
  const tempPath = join(tempDir, `${newStorageKey()}.part`);
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const headChunks: Buffer[] = [];
  let headBytes = 0;
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
    }, createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await discard(tempPath);
    throw error;
  }
  return { tempPath, sizeBytes, sha256: hash.digest('hex'), head: Buffer.concat(headChunks).subarray(0, SNIFF_BYTES) };
}

/** Moves a staged blob to its final place under a storage key. */
export async function commitBlob(dataDir: string, staged: StagedBlob, storageKey: string): Promise<void> {
  const target = blobPath(dataDir, storageKey);
  await mkdir(join(target, '..'), { recursive: true, mode: 0o700 });
  await rename(staged.tempPath, target);
}

/** Removes a file if it exists (temp files and deleted documents). */
export async function discard(path: string): Promise<void> {
  await rm(path, { force: true });
}

/** The SHA-256 and size of a stored blob, read from disk. */
export async function hashStoredBlob(dataDir: string, storageKey: string): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  for await (const chunk of createReadStream(blobPath(dataDir, storageKey)) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    sizeBytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), sizeBytes };
}

/** A read stream over a stored blob. */
export function openBlob(dataDir: string, storageKey: string): ReadStream {
  return createReadStream(blobPath(dataDir, storageKey));
}
