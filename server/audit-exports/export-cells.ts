/** An audit event as the cells of one export row, in the order of AUDIT_EXPORT_COLUMNS. */
import type { ExportRow } from './export-rows.ts';

/** One cell: text, a number, or empty. */
export type ExportCell = string | number | null;

/** The row's cells; `details` stays the stored JSON text, so nothing is parsed and re-serialised. */
export function exportCells(row: ExportRow): ExportCell[] {
  return [
    Number(row.seq), row.id, row.at, row.user_id, row.agency_id, row.team_id, row.device_id, row.ip, row.action, row.category,
    row.entity_type, row.entity_id, row.outcome, row.justification, row.details, row.hash,
  ];
}
