/** Streams a complete export's file to its creator after checking the file still has the SHA-256 in its manifest. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { FastifyReply } from 'fastify';
import { CodedError } from '../../domain/errors.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { recordAuditNow, type AuditActor } from '../audit/record-audit.ts';
import type { ServerContext } from '../context/server-context.ts';
import { attachmentHeader } from '../documents/download-document.ts';
import { findOwnExport } from './audit-export-record.ts';
import { exportPaths } from './export-files.ts';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** Sends the file; an altered or missing file is refused (audited as a failure) rather than served. */
export async function sendExportFile(ctx: ServerContext, user: AuthUser, actor: AuditActor, id: string, reply: FastifyReply): Promise<FastifyReply> {
  const row = await findOwnExport(ctx.db, user, id);
  if (row.status !== 'complete' || row.sha256 === null) {
    throw new CodedError('conflict', row.status === 'running' ? 'This export is still being written.' : 'This export has no file.');
  }
  const paths = exportPaths(ctx.config.dataDir, row.id, row.format);
  const actual = await sha256Of(paths.file).catch(() => null);
  const intact = actual === row.sha256;
  await recordAuditNow(ctx.db, {
    actor, action: 'export.download', entityType: 'audit_export', entityId: row.id, outcome: intact ? 'success' : 'failure', at: ctx.now(),
    details: intact ? { sha256: row.sha256, rowCount: Number(row.rows_written) } : { problem: actual === null ? 'content_missing' : 'checksum_mismatch' },
  });
  if (!intact) {
    throw new CodedError('internal_error', 'The stored export failed its integrity check; it was not sent.');
  }
  return reply
    .header('content-type', CONTENT_TYPES[row.format])
    .header('content-length', String(row.byte_length))
    .header('content-disposition', attachmentHeader(paths.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .header('x-export-sha256', row.sha256)
    .send(createReadStream(paths.file));
}
