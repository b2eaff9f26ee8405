/** Where the cache keeps downloaded document files, and their deletion when a document leaves the cache. */
import { readdir, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { CodedError } from '../../domain/errors.ts';
import { IdSchema } from '../../domain/ids.ts';

/**
 * The folder one cache file keeps its own files in (`caches/<id>.cbcache` → `caches/<id>`): caches of
 * several users share `caches/`, and must never share, sweep or overwrite each other's documents.
 */
export function cacheDirFor(cacheFile: string): string {
  const ext = extname(cacheFile);
  return ext === '' ? `${cacheFile}.d` : cacheFile.slice(0, -ext.length);
}

/** The folder of stored document files in a cache's own folder. */
export function documentsDir(cacheDir: string): string {
  return join(cacheDir, 'documents');
}

/** `<cacheDir>/documents/<docId>`; the id must be a uuid so it can never name a path outside the folder. */
export function documentPath(cacheDir: string, docId: string): string {
  if (!IdSchema.safeParse(docId).success) {
    throw new CodedError('validation_error', 'A document id must be a uuid.');
  }
  return join(documentsDir(cacheDir), docId);
}

/** Deletes the stored files of these documents; a document never downloaded is a no-op. */
export async function deleteDocumentFiles(cacheDir: string, docIds: Iterable<string>): Promise<void> {
  for (const id of docIds) {
    await rm(documentPath(cacheDir, id), { force: true });
  }
}

/**
 * Deletes stored files whose document is no longer cached: files are deleted after the removal
 * commits, so a crash in between leaves orphans that the next open sweeps. Returns how many went.
 */
export async function sweepOrphanDocumentFiles(cacheDir: string, isCached: (ids: string[]) => Promise<Set<string>>): Promise<number> {
  let names: string[];
  try {
    names = await readdir(documentsDir(cacheDir));
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      return 0;
    }
    throw error;
  }
  const cached = await isCached(names.filter((name) => IdSchema.safeParse(name).success));
  const orphans = names.filter((name) => !cached.has(name));
  for (const name of orphans) {
    await rm(join(documentsDir(cacheDir), name), { force: true, recursive: true });
  }
  return orphans.length;
}
