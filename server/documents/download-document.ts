/** Serves a document's content: visibility first, then a SHA-256 check against the row, then the stream. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CodedError } from '../../domain/errors.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { recordAuditNow, type AuditActor } from '../audit/record-audit.ts';
import type { ServerContext } from '../context/server-context.ts';
import { documentSeal, hashStoredBlob, openBlob } from './blob-store.ts';
import { findVisibleDocument } from './document-record.ts';

/** `attachment` with an ASCII fallback and the RFC 5987 UTF-8 name, so no header injection is possible. */
export function attachmentHeader(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Sends the content of a visible document. The blob is hashed before anything is sent, so an
 * altered or truncated file is refused (internal_error, audited as a failure) rather than served.
 */
export async function sendDocumentContent(
  ctx: ServerContext, user: AuthUser, actor: AuditActor, id: string, request: FastifyRequest, reply: FastifyReply,
): Promise<FastifyReply> {
  const now = ctx.now();
  const row = await findVisibleDocument(ctx.db, user, now.toISOString(), id);
  if (!row) {
    throw new CodedError('not_found', 'No such document.');
  }
  const seal = documentSeal(ctx.config, row.id);
  let stored: { sha256: string; sizeBytes: number } | null;
  let missing = false;
  try {
    stored = await hashStoredBlob(ctx.config.dataDir, row.storage_key, seal);
  } catch (error) {
    // A file that is there but does not open (altered, or sealed for another document) is a mismatch.
    stored = null;
    missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
  const intact = stored !== null && stored.sha256 === row.sha256 && stored.sizeBytes === Number(row.size_bytes);
  await recordAuditNow(ctx.db, {
    actor, action: 'document.download', entityType: 'document', entityId: row.id, outcome: intact ? 'success' : 'failure', at: now,
    details: intact ? { caseId: row.case_id, sha256: row.sha256 } : { caseId: row.case_id, problem: missing ? 'content_missing' : 'checksum_mismatch' },
  });
  if (!intact) {
    request.log.error({ documentId: row.id }, 'document content failed its integrity check');
    throw new CodedError('internal_error', 'The stored content of this document failed its integrity check; it was not sent.');
  }
  return reply
    .header('content-type', row.content_type)
    .header('content-length', String(row.size_bytes))
    .header('content-disposition', attachmentHeader(row.file_name))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .header('x-document-sha256', row.sha256)
    .send(await openBlob(ctx.config.dataDir, row.storage_key, seal));
}
