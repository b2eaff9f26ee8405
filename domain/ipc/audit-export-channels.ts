/**
 * IPC channels over a data officer's audit exports (docs/audit.md, "Exports"): start one, follow
 * its progress, cancel it, and take the finished file, its manifest and its proofs to save. Online only.
 */
import { z } from 'zod';
import { AuditExportJobSchema, AuditExportManifestSchema, CreateAuditExportSchema } from '../audit/audit-export.ts';
import { IdSchema } from '../ids.ts';
import { defineChannel } from './channel.ts';

/** Largest export the desktop takes through IPC to save; a larger one is refused with payload_too_large. */
export const MAX_SAVED_EXPORT_BYTES = 64 * 1024 * 1024;

/** Largest proof file the desktop takes through IPC (a row's proof is about twice its CSV line). */
export const MAX_SAVED_PROOFS_BYTES = 3 * MAX_SAVED_EXPORT_BYTES;

/** A finished export's file, manifest and proof file, for the renderer to save side by side. */
export const AuditExportContentSchema = z.object({
  exportId: IdSchema,
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int().nonnegative().max(MAX_SAVED_EXPORT_BYTES),
  /** The file, base64; checked against the manifest's SHA-256 before it is handed over. */
  base64: z.string().max(Math.ceil(MAX_SAVED_EXPORT_BYTES / 3) * 4),
  manifest: AuditExportManifestSchema,
  manifestFileName: z.string(),
  /** The `casebridge-audit-proof/v1` file, checked against the manifest's SHA-256 (absent for exports made before proofs). */
  proofs: z.object({ fileName: z.string(), base64: z.string().max(Math.ceil(MAX_SAVED_PROOFS_BYTES / 3) * 4) }).optional(),
});
/** A finished export ready to save. */
export type AuditExportContent = z.infer<typeof AuditExportContentSchema>;

const ExportIdInput = z.object({ exportId: IdSchema }).strict();

export const auditExportChannels = {
  /** Starts an export on the server; its refusals (validation_error for a missing reason, authorization_error) pass through. */
  'auditExports.create': defineChannel({ input: CreateAuditExportSchema, output: AuditExportJobSchema, needsSession: true }),
  /** The export's status and progress. */
  'auditExports.status': defineChannel({ input: ExportIdInput, output: AuditExportJobSchema, needsSession: true }),
  /** Cancels a running export (or discards a finished one); the server removes the file. */
  'auditExports.cancel': defineChannel({ input: ExportIdInput, output: AuditExportJobSchema, needsSession: true }),
  /** The finished file and its manifest, to save. */
  'auditExports.content': defineChannel({ input: ExportIdInput, output: AuditExportContentSchema, needsSession: true }),
} as const;
