/**
 * Inside the erasing transaction, blanks the reason of every audit export whose reason names what is
 * erased (docs/audit.md, "What the audit trail holds after an erasure"; docs/decisions.md). The
 * reason becomes ERASED_EXPORT_REASON in `audit_exports`; a finished export becomes `removed` and a
 * running one `cancelled` (its job stops at its next progress write and removes its partial files),
 * because the server's copy of the files holds the reason: the manifest, and a PDF's title page under
 * the SHA-256 its seal recorded. The caller removes those files after the commit (and each server
 * start again, should it have stopped in between: erased-export-files.ts). The export events'
 * justifications are sealed (server/audit/audit-values.ts), so erase-kept-audit-text.ts drops them:
 * call this first, so that a job recording an event meanwhile either sees the new reason or has
 * committed its kept value before that scan.
 */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { AuditExportFormat } from '../../domain/audit/audit-export.ts';
import { ERASED_EXPORT_REASON } from '../audit-exports/erased-export-files.ts';
import { namesErased, type ErasedIdentities } from '../../domain/retention/names-erased.ts';

/** An export whose reason went: its files are removed after the commit. */
export interface ErasedExport {
  id: string;
  format: AuditExportFormat;
}

const PAGE = 1000;

/** Blanks the reasons naming what goes, stopping or removing those exports; answers which. */
export async function eraseExportReasons(trx: Transaction<ServerDatabase>, erased: ErasedIdentities, at: string): Promise<ErasedExport[]> {
  const naming: ErasedExport[] = [];
  let after = '';
  for (;;) {
    const rows = await trx.selectFrom('audit_exports').select(['id', 'format', 'reason']).where('id', '>', after)
      .where('reason', '!=', ERASED_EXPORT_REASON).orderBy('id').limit(PAGE).execute();
    naming.push(...rows.filter((r) => namesErased([r.reason], erased)).map((r) => ({ id: r.id, format: r.format })));
    const last = rows.at(-1);
    if (rows.length < PAGE || last === undefined) {
      break;
    }
    after = last.id;
  }
  for (let from = 0; from < naming.length; from += 500) {
    const ids = naming.slice(from, from + 500).map((e) => e.id);
    await trx.updateTable('audit_exports').set({ status: 'cancelled', finished_at: at }).where('id', 'in', ids).where('status', '=', 'running').execute();
    await trx.updateTable('audit_exports').set({ status: 'removed' }).where('id', 'in', ids).where('status', '=', 'complete').execute();
    await trx.updateTable('audit_exports').set({ reason: ERASED_EXPORT_REASON }).where('id', 'in', ids).execute();
  }
  return naming;
}
