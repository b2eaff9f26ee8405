/** A file written through a SHA-256, so the export's hash is known the moment its last byte is on disk. */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PRIVATE_FILE_MODE } from '../db/data-dir.ts';

/** The stream to write into and, once it has ended and the file is closed, the file's SHA-256 and size. */
export interface HashingFile {
  stream: Writable;
  done: Promise<{ sha256: string; byteLength: number }>;
}

/** Opens `path` (created 0600, replacing any file there) for writing through a SHA-256. */
export function openHashingFile(path: string): HashingFile {
  const hash = createHash('sha256');
  let byteLength = 0;
  const tap = new Transform({
    highWaterMark: 1 << 20,
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      byteLength += chunk.length;
      callback(null, chunk);
    },
  });
  const file = createWriteStream(path, { mode: PRIVATE_FILE_MODE, highWaterMark: 1 << 20 });
  const done = pipeline(tap, file).then(() => ({ sha256: hash.digest('hex'), byteLength }));
  // The caller learns of a failure through `done`; this keeps it from being an unhandled rejection meanwhile.
  done.catch(() => undefined);
  return { stream: tap, done };
}
