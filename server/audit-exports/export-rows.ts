/**
 * The one seam between exports and the audit search: the rows of a filtered search in the
 * caller's scope, read in keyset pages so an export of millions of events holds one page at a time.
 * Scope (who sees what) is the search's own (`auditScopeOf`, `auditSearchQuery`), so an export holds
 * exactly the events the officer's search shows.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AuditEventTable, ServerDatabase } from '../../db/server/schema.ts';
import type { AuditExportFilters } from '../../domain/audit/audit-export.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { auditScopeOf, type AuditScope } from '../../domain/policy/audit-policy.ts';
import { CodedError } from '../../domain/errors.ts';
import { auditSearchQuery } from '../audit/search-audit.ts';

/** Rows read per page: large enough that paging costs little, small enough to hold at constant memory. */
export const EXPORT_PAGE_ROWS = 2000;

/** One stored audit event as the export writes it. */
export type ExportRow = Selectable<AuditEventTable>;

/** The search for one page below `cursor` (newest first), in the user's scope. */
function pageQuery(db: Kysely<ServerDatabase>, user: AuthUser, filters: AuditExportFilters, limit: number, cursor: number | undefined) {
  return auditSearchQuery(db, exportScope(user), { ...filters, limit, ...(cursor === undefined ? {} : { cursor }) });
}

/** How many events below `belowSeq` the export will hold, counted with the same scope and filters. */
export async function countExportRows(db: Kysely<ServerDatabase>, user: AuthUser, filters: AuditExportFilters, belowSeq: number): Promise<number> {
  const row = await pageQuery(db, user, filters, 1, belowSeq).clearSelect().clearOrderBy().clearLimit()
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Yields the export's events below `belowSeq` page by page, newest first. Fixing `belowSeq` when the
 * export is created keeps events appended while it runs (its own among them) out of it.
 */
export async function* exportRowPages(
  db: Kysely<ServerDatabase>, user: AuthUser, filters: AuditExportFilters, options: { belowSeq: number; pageRows?: number },
): AsyncGenerator<ExportRow[]> {
  const pageRows = options.pageRows ?? EXPORT_PAGE_ROWS;
  let cursor: number | undefined = options.belowSeq;
  for (;;) {
    // auditSearchQuery reads one row beyond the limit to know whether another page follows.
    const rows = await pageQuery(db, user, filters, pageRows, cursor).execute();
    const page = rows.slice(0, pageRows);
    if (page.length > 0) {
      yield page;
    }
    if (rows.length <= pageRows) {
      return;
    }
    cursor = Number(page.at(-1)!.seq);
  }
}

/** The exporting user's audit scope: the one their search has (only data officers export). */
function exportScope(user: AuthUser): AuditScope {
  const scope = exportScopeRefusal(user) === null ? auditScopeOf(user) : null;
  if (scope === null) {
    throw new CodedError('authorization_error', 'Only a data officer may export the audit trail.');
  }
  return scope;
}

/**
 * Why this user may not export, or null when they may: only a data officer exports, and their
 * export holds what their search shows (their agency's trail: its staff's events and anyone's on
 * records it owns; an agency filter narrows to who acted within that scope, as the search does).
 */
export function exportScopeRefusal(user: AuthUser): string | null {
  return user.role === 'data_officer' ? null : 'Only a data officer may export the audit trail.';
}
