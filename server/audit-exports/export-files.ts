/** Where an export's file, manifest and proof file live: a private folder under the server's data dir. */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditExportFormat } from '../../domain/audit/audit-export.ts';
import { makePrivateDir } from '../db/data-dir.ts';

/** The paths of one export: the file while written (`part`), the finished file, its manifest and its proofs. */
export interface ExportPaths {
  part: string;
  file: string;
  manifest: string;
  fileName: string;
  /** The proof file while written, when finished, and its bare name (as the manifest names it). */
  proofsPart: string;
  proofs: string;
  proofsName: string;
}

/** The export folder, created private if missing. */
export function exportDir(dataDir: string): string {
  const dir = join(dataDir, 'audit-exports');
  makePrivateDir(dir);
  return dir;
}

/** The paths of export `id` in `format`; the id is a server-made UUID, never user text. */
export function exportPaths(dataDir: string, id: string, format: AuditExportFormat): ExportPaths {
  const dir = exportDir(dataDir);
  const fileName = `audit-export-${id}.${format}`;
  const proofsName = `audit-export-${id}.proofs.json`;
  return {
    part: join(dir, `${fileName}.part`), file: join(dir, fileName), manifest: join(dir, `audit-export-${id}.manifest.json`), fileName,
    proofsPart: join(dir, `${proofsName}.part`), proofs: join(dir, proofsName), proofsName,
  };
}

/** Removes every file of an export (partial, finished, manifest, proofs); missing ones are fine. */
export async function removeExportFiles(paths: ExportPaths): Promise<void> {
  await Promise.all([paths.part, paths.file, paths.manifest, paths.proofsPart, paths.proofs].map((p) => rm(p, { force: true })));
}
