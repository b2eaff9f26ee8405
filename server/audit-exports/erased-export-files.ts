/**
 * Exports whose reason an erasure blanked (server/retention/erase-export-reasons.ts): the erasure
 * removes their files after its commit; a server stopping between the two would leave them, so each
 * server start removes the files of every such export again (missing files are fine).
 */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { exportPaths, removeExportFiles } from './export-files.ts';

/** What an export's reason reads once an erasure dropped it. */
export const ERASED_EXPORT_REASON = '(erased)';

/** Removes the files of every export whose reason was erased; answers how many exports that covered. */
export async function removeErasedExportFiles(db: Kysely<ServerDatabase>, dataDir: string): Promise<number> {
  const rows = await db.selectFrom('audit_exports').select(['id', 'format']).where('reason', '=', ERASED_EXPORT_REASON).execute();
  for (const row of rows) {
    await removeExportFiles(exportPaths(dataDir, row.id, row.format));
  }
  return rows.length;
}
