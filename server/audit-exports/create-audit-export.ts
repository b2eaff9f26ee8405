/**
 * Creates an export job: fixes the newest event it may hold, counts its rows (a PDF holds at most
 * AUDIT_PDF_MAX_ROWS, or nothing is created), and records the
 * job and its `export.create` event (reason, filters, format) in one transaction before it starts.
 */
import { AUDIT_PDF_MAX_ROWS, type AuditExportJob, type CreateAuditExport } from '../../domain/audit/audit-export.ts';
import { CodedError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import type { ServerContext } from '../context/server-context.ts';
import { toAuditExportJob } from './audit-export-record.ts';
import type { ExportJobs } from './export-jobs.ts';
import { countExportRows } from './export-rows.ts';
import type { AuditExportJobSpec } from './run-audit-export.ts';

/** Records the job and starts it on this node; the caller has checked the role and scope. */
export async function createAuditExport(
  ctx: ServerContext, jobs: ExportJobs, user: AuthUser, actor: AuditActor, input: CreateAuditExport,
): Promise<AuditExportJob> {
  const now = ctx.now();
  const id = newId();
  const spec = await ctx.db.transaction().execute(async (trx) => {
    const head = await trx.selectFrom('audit_events').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
    const throughSeq = Number(head?.seq ?? 0);
    const rowsTotal = await countExportRows(trx, user, input.filters, throughSeq + 1);
    if (input.format === 'pdf' && rowsTotal > AUDIT_PDF_MAX_ROWS) {
      // Typst lays the whole document out in memory (docs/decisions.md): refused before anything is written.
      throw new CodedError('validation_error',
        `A PDF export holds at most ${AUDIT_PDF_MAX_ROWS.toLocaleString('en-GB')} events; these filters match ${rowsTotal.toLocaleString('en-GB')}. `
        + 'Narrow the filters, or export as CSV or XLSX.');
    }
    await trx.insertInto('audit_exports').values({
      id, user_id: user.id, agency_id: user.agencyId, format: input.format, filters: JSON.stringify(input.filters), reason: input.reason,
      status: 'running', rows_written: 0, rows_total: rowsTotal, through_seq: throughSeq, byte_length: null, sha256: null,
      created_at: now.toISOString(), finished_at: null,
    }).execute();
    await recordAudit(trx, {
      actor, action: 'export.create', entityType: 'audit_export', entityId: id, outcome: 'success', justification: input.reason,
      details: { format: input.format, filters: input.filters, rowsTotal, throughSeq }, at: now,
    });
    return { id, user, actor, format: input.format, filters: input.filters, reason: input.reason, throughSeq, createdAt: now.toISOString() } satisfies AuditExportJobSpec;
  });
  jobs.start(spec);
  const row = await ctx.db.selectFrom('audit_exports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return toAuditExportJob(ctx.config.dataDir, row);
}
