/**
 * The one seam between exports and the audit search: the rows of a filtered search in the
 * caller's scope, read in keyset pages so an export of millions of events holds one page at a time.
 * Scope (who sees what) is the search's own, `auditSearchQuery`; widen it there and exports follow.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AuditEventTable, ServerDatabase } from '../../db/server/schema.ts';
import type { AuditExportFilters } from '../../domain/audit/audit-export.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { auditSearchQuery } from '../audit/search-audit.ts';

/** Rows read per page: large enough that paging costs little, small enough to hold at constant memory. */
export const EXPORT_PAGE_ROWS = 2000;

/** One stored audit event as the export writes it. */
export type ExportRow = Selectable<AuditEventTable>;

/** The search for one page below `cursor` (newest first), in the user's scope. */
function pageQuery(db: Kysely<ServerDatabase>, user: AuthUser, filters: AuditExportFilters, limit: number, cursor: number | undefined) {
  return auditSearchQuery(db, user.agencyId, { ...filters, limit, ...(cursor === undefined ? {} : { cursor }) });
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

/**
 * Why this user may not export with these filters, or null when they may. Today a data officer
 * exports their own agency's trail, as they search it; asking for another agency is refused, not emptied.
 */
export function exportScopeRefusal(user: AuthUser, filters: AuditExportFilters): string | null {
  if (user.role !== 'data_officer') {
    return 'Only a data officer may export the audit trail.';
  }
  if (filters.agencyId !== undefined && filters.agencyId !== user.agencyId) {
    return "You may export only your own agency's audit trail.";
  }
  return null;
}
