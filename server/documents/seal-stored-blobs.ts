/**
 * Start-up step: with database encryption on, seals document content still stored in plain text
 * (written before encryption was turned on), so no plaintext document remains after start-up.
 * Idempotent: sealed files are recognised by their header and left alone.
 */
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { ServerConfig } from '../context/config.ts';
import { documentBlobKey, sealStream } from './blob-seal.ts';
import { blobPath, documentSeal, isSealedBlob } from './blob-store.ts';

/** Seals every plain stored blob; returns how many it sealed (none when encryption is off). */
export async function sealStoredBlobs(db: Kysely<ServerDatabase>, config: ServerConfig): Promise<number> {
  if (documentBlobKey(config.database) === null) {
    return 0;
  }
  let sealed = 0;
  const rows = await db.selectFrom('documents').select(['id', 'storage_key']).orderBy('id').execute();
  for (const row of rows) {
    const path = blobPath(config.dataDir, row.storage_key);
    const seal = documentSeal(config, row.id);
    if (!seal || !existsSync(path) || (await isSealedBlob(path))) {
      continue;
    }
    // Written beside the original and renamed over it, so a crash leaves the plain file, never half of one.
    const next = `${path}.sealing`;
    await rm(next, { force: true });
    await pipeline(createReadStream(path), sealStream(seal), createWriteStream(next, { flags: 'wx', mode: 0o600 }));
    await rename(next, path);
    sealed += 1;
  }
  return sealed;
}
