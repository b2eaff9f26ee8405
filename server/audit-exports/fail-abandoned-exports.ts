/**
 * On start-up, fails the export jobs a dead node left `running`: a job whose heartbeat (or, before
 * its first, its creation) is older than the timeout is no longer being written by anyone. Each is
 * marked `failed`, its partial and finished files are removed, and an `export.finish` failure is
 * recorded, so the trail says what happened to it.
 */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { recordAuditNow } from '../audit/record-audit.ts';
import { exportPaths, removeExportFiles } from './export-files.ts';
import { HEARTBEAT_EVERY_MS } from './run-audit-export.ts';

/** How long a job may go without a heartbeat before it counts as abandoned: ten missed heartbeats. */
export const ABANDONED_AFTER_MS = 10 * HEARTBEAT_EVERY_MS;

/** Fails every abandoned job; returns their ids. */
export async function failAbandonedExports(
  db: Kysely<ServerDatabase>, dataDir: string, now: Date, timeoutMs = ABANDONED_AFTER_MS,
): Promise<string[]> {
  const before = new Date(now.getTime() - timeoutMs).toISOString();
  const stale = await db.selectFrom('audit_exports').selectAll().where('status', '=', 'running')
    .where((eb) => eb.fn.coalesce('heartbeat_at', 'created_at'), '<', before).execute();
  const failed: string[] = [];
  for (const row of stale) {
    // Only the node that wins the update records the failure, should two start at once.
    const moved = await db.updateTable('audit_exports').set({ status: 'failed', finished_at: now.toISOString() })
      .where('id', '=', row.id).where('status', '=', 'running').executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) {
      continue;
    }
    await removeExportFiles(exportPaths(dataDir, row.id, row.format));
    await recordAuditNow(db, {
      actor: { userId: row.user_id, agencyId: row.agency_id, ip: null }, action: 'export.finish', entityType: 'audit_export', entityId: row.id,
      outcome: 'failure', justification: row.reason, at: now,
      details: { status: 'failed', problem: 'abandoned', rowsWritten: Number(row.rows_written), lastHeartbeat: row.heartbeat_at ?? row.created_at },
    });
    failed.push(row.id);
  }
  return failed;
}
