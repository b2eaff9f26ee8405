/**
 * Document content kept for offline reading: sealed files (see document-cipher.ts) under the cache's
 * documents folder, written only for documents the cache still holds, verified on every read.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import { IdSchema } from '../../domain/ids.ts';
import { openSealedDocument, sealDocument } from './document-cipher.ts';
import { documentPath, documentsDir } from './document-files.ts';

/** A cached document's metadata, as far as its content is concerned. */
export interface CachedDocumentMeta {
  id: string;
  /** The case the document belongs to (on the case itself or on one of its reports). */
  caseId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/** The stored content of cached documents. */
export interface DocumentContentStore {
  /** The cached metadata of a document, or null when the cache does not hold it. */
  meta(docId: string): Promise<CachedDocumentMeta | null>;
  /** Cached documents that have no stored content yet, newest first. */
  missing(): Promise<CachedDocumentMeta[]>;
  /**
   * The verified content, or null when none is stored. A file that fails verification (altered,
   * another document's, another key's) is deleted, so the next download replaces it, and the read
   * fails with `internal_error`.
   */
  read(docId: string): Promise<Buffer | null>;
  /** Seals and stores the content; false (nothing kept) when the document left the cache, or its folder was cleared, meanwhile. */
  write(docId: string, content: Buffer): Promise<boolean>;
  /**
   * Seals and stores the content of an upload about to be queued (no row yet: the caller queues it
   * next, and removes the file if that fails; a crash in between leaves an orphan the next open sweeps).
   */
  writeQueued(docId: string, content: Buffer): Promise<void>;
  /** Deletes the stored content, if any (a queued upload the server refused). */
  remove(docId: string): Promise<void>;
}

/** The store over the cache's write handle and folder, sealing with `fileKey` (deriveDocumentFileKey). */
export function createDocumentContentStore(db: Kysely<CacheDatabase>, cacheDir: string, fileKey: Buffer): DocumentContentStore {
  const select = () => db.selectFrom('documents').select(['id', 'case_id', 'file_name', 'content_type', 'size_bytes', 'sha256']);
  const isCached = async (docId: string) => (await db.selectFrom('documents').select('id').where('id', '=', docId).executeTakeFirst()) !== undefined;

  return {
    async meta(docId) {
      const row = await select().where('id', '=', docId).executeTakeFirst();
      return row ? toMeta(row) : null;
    },
    async missing() {
      const stored = new Set(await storedNames(cacheDir));
      const rows = await select().orderBy('created_at', 'desc').orderBy('id').execute();
      return rows.filter((r) => !stored.has(r.id)).map(toMeta);
    },
    async read(docId) {
      const path = documentPath(cacheDir, docId);
      let sealed: Buffer;
      try {
        sealed = await readFile(path);
      } catch (error) {
        if (isMissing(error)) {
          return null;
        }
        throw error;
      }
      try {
        return openSealedDocument(fileKey, docId, sealed);
      } catch (error) {
        await rm(path, { force: true });
        throw error instanceof CodedError
          ? new CodedError(error.code, `${error.message} It was removed and will be downloaded again.`)
          : error;
      }
    },
    async write(docId, content) {
      const path = documentPath(cacheDir, docId);
      await mkdir(documentsDir(cacheDir), { recursive: true, mode: 0o700 });
      // Not a uuid, so the orphan sweep deletes one left by a crash; never the real name until complete.
      const temp = join(documentsDir(cacheDir), `.${docId}.${randomBytes(6).toString('hex')}.part`);
      try {
        await writeDurably(temp, sealDocument(fileKey, docId, content));
        if (!(await isCached(docId))) {
          return false;
        }
        try {
          await rename(temp, path);
        } catch (error) {
          if (isMissing(error)) {
            return false; // the folder was swept or wiped meanwhile (bootstrap swap, sign-out)
          }
          throw error;
        }
      } finally {
        await rm(temp, { force: true });
      }
      // A removal that committed between the check and the rename may have deleted nothing yet: look again.
      if (!(await isCached(docId))) {
        await rm(path, { force: true });
        return false;
      }
      return true;
    },
    async writeQueued(docId, content) {
      await mkdir(documentsDir(cacheDir), { recursive: true, mode: 0o700 });
      const temp = join(documentsDir(cacheDir), `.${docId}.${randomBytes(6).toString('hex')}.part`);
      try {
        await writeDurably(temp, sealDocument(fileKey, docId, content));
        await rename(temp, documentPath(cacheDir, docId));
      } finally {
        await rm(temp, { force: true });
      }
    },
    async remove(docId) {
      await rm(documentPath(cacheDir, docId), { force: true });
    },
  };
}

type DocumentRow = { id: string; case_id: string; file_name: string; content_type: string; size_bytes: number; sha256: string };

function toMeta(row: DocumentRow): CachedDocumentMeta {
  return { id: row.id, caseId: row.case_id, fileName: row.file_name, contentType: row.content_type, sizeBytes: Number(row.size_bytes), sha256: row.sha256 };
}

// Flushed before the rename, so a crash leaves either the whole file or none under the real name.
async function writeDurably(path: string, bytes: Buffer): Promise<void> {
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function storedNames(cacheDir: string): Promise<string[]> {
  try {
    return (await readdir(documentsDir(cacheDir))).filter((name) => IdSchema.safeParse(name).success);
  } catch (error) {
    if (isMissing(error)) {
      return [];
    }
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
