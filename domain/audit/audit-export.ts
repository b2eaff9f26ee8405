/**
 * Audit exports a data officer runs (docs/audit.md, "Exports"): the request, the job's status and
 * the manifest written next to each file.
 */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../ids.ts';
import { AuditSearchQuerySchema } from './audit-search.ts';
import { PROTECTIVE_MARKING } from '../protective-marking.ts';

/** File formats an export can be written in. */
export const AUDIT_EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
/** An export's file format. */
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

/**
 * The most events a PDF export holds. Typst lays the whole document out in memory (about 0.1 MB an
 * event, beside the worker's own ~60 MB): a 1,000-event job peaked at 281 MB, 2,000 at 379 MB, over
 * the 300 MB export budget. A larger search is refused with `validation_error` and nothing is
 * created; CSV and XLSX stream any size (docs/decisions.md).
 */
export const AUDIT_PDF_MAX_ROWS = 1000;

/** The protective marking carried by every export: the CSV's first line, the XLSX's sheet name and first row, the top and bottom of every PDF page. */
export const EXPORT_MARKING = PROTECTIVE_MARKING;

/** The columns of an export, in order; `details` is the recorded JSON as text. */
export const AUDIT_EXPORT_COLUMNS = [
  'seq', 'id', 'at', 'userId', 'agencyId', 'teamId', 'deviceId', 'ip', 'action', 'category',
  'entityType', 'entityId', 'outcome', 'justification', 'details', 'hash',
] as const;

/** Shortest reason accepted, after trimming: a word or two is not a reason. */
export const EXPORT_REASON_MIN = 10;

// The search's own filters, without paging: an export follows whatever the search can filter on.
const { limit: _limit, cursor: _cursor, ...filterShape } = AuditSearchQuerySchema.shape;

/** The filters of an export: the audit search's filters minus paging. `from` inclusive, `to` exclusive. */
export const AuditExportFiltersSchema = z.object(filterShape).strict()
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] });
/** Parsed export filters. */
export type AuditExportFilters = z.output<typeof AuditExportFiltersSchema>;

/** What a data officer asks for: filters, a format and the reason, which is recorded with the export. */
export const CreateAuditExportSchema = z.object({
  filters: AuditExportFiltersSchema.default({}),
  format: z.enum(AUDIT_EXPORT_FORMATS),
  reason: z.string().trim().min(EXPORT_REASON_MIN, `Give a reason of at least ${EXPORT_REASON_MIN} characters`).max(1000),
}).strict().meta({ examples: [{ filters: { action: 'record.view' }, format: 'csv', reason: 'Subject access request 2026/114' }] });
/** A parsed export request. */
export type CreateAuditExport = z.output<typeof CreateAuditExportSchema>;

/** Where a job stands. `removed` is a finished or cancelled export whose file was deleted on request. */
export const AUDIT_EXPORT_STATUSES = ['running', 'complete', 'failed', 'cancelled', 'removed'] as const;
/** An export job's state. */
export type AuditExportStatus = (typeof AUDIT_EXPORT_STATUSES)[number];

/** The manifest: what the file holds, who made it, when and why, the file's SHA-256, and its checkpoint and proofs. */
export const AuditExportManifestSchema = z.object({
  manifestVersion: z.literal(1),
  exportId: IdSchema,
  marking: z.literal(EXPORT_MARKING),
  format: z.enum(AUDIT_EXPORT_FORMATS),
  fileName: z.string(),
  filters: AuditExportFiltersSchema,
  columns: z.array(z.string()),
  rowCount: z.number().int().nonnegative(),
  /** The newest event seq the export could hold: events recorded after it started are not in it. */
  throughSeq: z.number().int().nonnegative(),
  byteLength: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  generatedBy: z.object({ userId: IdSchema, username: z.string(), agencyId: IdSchema }),
  generatedAt: TimestampSchema,
  reason: z.string(),
  /** The signed log checkpoint (a signed note) the rows are proven against (docs/audit.md, "Export proofs"). */
  checkpoint: z.string().optional(),
  /** The seq of the export's own `export.seal` event, which records the rows and the file's SHA-256 (before 0025's release: `export.finish`). */
  exportEventSeq: z.number().int().positive().optional(),
  /** The `casebridge-audit-proof/v1` file written beside the export, and its SHA-256. */
  proofs: z.object({ fileName: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), byteLength: z.number().int().nonnegative() }).optional(),
});

/** The tree size of a checkpoint note (its second line), or undefined when the text is not one. */
export function checkpointTreeSize(note: string | undefined): number | undefined {
  const size = note?.split('\n')[1];
  return size !== undefined && /^[0-9]+$/.test(size) ? Number(size) : undefined;
}
/** An export's manifest. */
export type AuditExportManifest = z.infer<typeof AuditExportManifestSchema>;

/** An export job as its creator sees it; `manifest` is there once it is complete. */
export const AuditExportJobSchema = z.object({
  id: IdSchema,
  format: z.enum(AUDIT_EXPORT_FORMATS),
  status: z.enum(AUDIT_EXPORT_STATUSES),
  rowsWritten: z.number().int().nonnegative(),
  rowsTotal: z.number().int().nonnegative(),
  createdAt: TimestampSchema,
  finishedAt: TimestampSchema.nullable(),
  manifest: AuditExportManifestSchema.nullable(),
});
/** An export job on the wire. */
export type AuditExportJob = z.infer<typeof AuditExportJobSchema>;
