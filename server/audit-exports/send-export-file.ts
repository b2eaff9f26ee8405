/**
 * Streams a complete export's file, or its proof file, to its creator after checking it still has
 * the SHA-256 recorded for it (the job's row for the file, the manifest for the proofs).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { FastifyReply } from 'fastify';
import { CodedError } from '../../domain/errors.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { recordAuditNow, type AuditActor } from '../audit/record-audit.ts';
import type { ServerContext } from '../context/server-context.ts';
import { attachmentHeader } from '../documents/download-document.ts';
import { findOwnExport, readManifest } from './audit-export-record.ts';
import { exportPaths } from './export-files.ts';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  proofs: 'application/json',
} as const;

/** Which of an export's files: the export itself or its proof file. */
export type ExportFilePart = 'file' | 'proofs';

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** Sends the file; an altered or missing file is refused (audited as a failure) rather than served. */
export async function sendExportFile(
  ctx: ServerContext, user: AuthUser, actor: AuditActor, id: string, reply: FastifyReply, part: ExportFilePart = 'file',
): Promise<FastifyReply> {
  const row = await findOwnExport(ctx.db, user, id);
  if (row.status !== 'complete' || row.sha256 === null || row.byte_length === null) {
    throw new CodedError('conflict', row.status === 'running' ? 'This export is still being written.' : 'This export has no file.');
  }
  const paths = exportPaths(ctx.config.dataDir, row.id, row.format);
  const proofs = part === 'proofs' ? (await readManifest(ctx.config.dataDir, row)).proofs : undefined;
  if (part === 'proofs' && !proofs) {
    throw new CodedError('conflict', 'This export was made before exports carried proofs.');
  }
  const sent = proofs
    ? { path: paths.proofs, fileName: proofs.fileName, sha256: proofs.sha256, byteLength: proofs.byteLength, type: CONTENT_TYPES.proofs }
    : { path: paths.file, fileName: paths.fileName, sha256: row.sha256, byteLength: row.byte_length, type: CONTENT_TYPES[row.format] };
  const actual = await sha256Of(sent.path).catch(() => null);
  const intact = actual === sent.sha256;
  await recordAuditNow(ctx.db, {
    actor, action: 'export.download', entityType: 'audit_export', entityId: row.id, outcome: intact ? 'success' : 'failure', at: ctx.now(),
    details: {
      part, ...(intact ? { sha256: sent.sha256, rowCount: Number(row.rows_written) } : { problem: actual === null ? 'content_missing' : 'checksum_mismatch' }),
    },
  });
  if (!intact) {
    throw new CodedError('internal_error', 'The stored export failed its integrity check; it was not sent.');
  }
  return reply
    .header('content-type', sent.type)
    .header('content-length', String(sent.byteLength))
    .header('content-disposition', attachmentHeader(sent.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .header('x-export-sha256', sent.sha256)
    .send(createReadStream(sent.path));
}
