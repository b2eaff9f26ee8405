/** An export job's row as its creator sees it, and finding one only its creator may see. */
import { readFile } from 'node:fs/promises';
import type { Kysely, Selectable } from 'kysely';
import type { AuditExportTable, ServerDatabase } from '../../db/server/schema.ts';
import { AuditExportManifestSchema, type AuditExportJob, type AuditExportManifest } from '../../domain/audit/audit-export.ts';
import { CodedError } from '../../domain/errors.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { exportPaths } from './export-files.ts';

/** The caller's own export `id`; anyone else's, or none, is not_found (so ids cannot be probed). */
export async function findOwnExport(db: Kysely<ServerDatabase>, user: AuthUser, id: string): Promise<Selectable<AuditExportTable>> {
  const row = await db.selectFrom('audit_exports').selectAll().where('id', '=', id).where('user_id', '=', user.id).executeTakeFirst();
  if (!row) {
    throw new CodedError('not_found', 'No such export.');
  }
  return row;
}

/** The manifest written next to a complete export's file. */
export async function readManifest(dataDir: string, row: Selectable<AuditExportTable>): Promise<AuditExportManifest> {
  const text = await readFile(exportPaths(dataDir, row.id, row.format).manifest, 'utf8');
  return AuditExportManifestSchema.parse(JSON.parse(text));
}

/** The job as the API shows it; the manifest only while the export is complete. */
export async function toAuditExportJob(dataDir: string, row: Selectable<AuditExportTable>): Promise<AuditExportJob> {
  return {
    id: row.id, format: row.format, status: row.status, rowsWritten: Number(row.rows_written), rowsTotal: Number(row.rows_total),
    createdAt: row.created_at, finishedAt: row.finished_at,
    manifest: row.status === 'complete' ? await readManifest(dataDir, row) : null,
  };
}
