/** Stores an uploaded document: access re-check, content check, blob in place, row, change and audit. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { newId } from '../../domain/ids.ts';
import { CodedError } from '../../domain/errors.ts';
import type { DocumentRecord } from '../../domain/entities/document.ts';
import type { UploadFields } from '../../domain/documents/upload-fields.ts';
import { sanitiseFileName } from '../../domain/documents/file-name.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import type { AuditActor } from '../audit/record-audit.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { assertWithinCase } from '../cases/assert-within-case.ts';
import { nextSeq } from '../changes/next-seq.ts';
import { recordChange } from '../changes/record-change.ts';
import { withWrite } from '../db/write.ts';
import type { ServerContext } from '../context/server-context.ts';
import { blobPath, commitBlob, discard, documentSeal, newStorageKey, type StagedBlob } from './blob-store.ts';
import { checkContent } from './check-content.ts';
import { checkDocumentShares } from './check-document-shares.ts';
import { findVisibleDocument, toDocumentRecords } from './document-record.ts';
import { assertMayAddDocument } from './may-add-document.ts';

/** An upload after the multipart body was read. */
export interface UploadInput {
  caseId: string;
  fields: UploadFields;
  fileName: string;
  declaredType: string;
  staged: StagedBlob;
}

/** What an upload uses of the server: the database, where blobs go, the clock and the real-time poke (the demo seed passes its own). */
export type UploadContext = Pick<ServerContext, 'db' | 'config' | 'now' | 'notifier'>;

/**
 * Checks and stores a staged upload. On any refusal the staged file and any committed blob are
 * removed, so a refused upload leaves neither a row nor a file behind.
 */
export async function uploadDocument(ctx: UploadContext, user: AuthUser, actor: AuditActor, input: UploadInput): Promise<DocumentRecord> {
  const storageKey = newStorageKey();
  try {
    const fileName = sanitiseFileName(input.fileName);
    const contentType = checkContent(fileName, input.declaredType, input.staged);
    const now = ctx.now();
    const at = now.toISOString();
    return await withWrite(ctx, async (trx) => {
      await assertMayAddDocument(trx, user, at, input.caseId, input.fields.reportId ?? null);
      if (input.fields.documentId !== undefined) {
        // A client-made id may arrive twice at once (a desktop retrying). Taking the change-log lock
        // first orders the two: the second waits, then finds the first's row and answers it as a
        // replay instead of meeting the primary key (PostgreSQL reads committed rows per statement).
        await nextSeq(trx);
      }
      const replayed = input.fields.documentId === undefined ? null : await replayedUpload(trx, user, at, input);
      if (replayed) {
        await discard(input.staged.tempPath);
        return replayed;
      }
      const teamId = ownerTeam(user, input.fields.teamId);
      const shares = input.fields.shares ?? { agencyIds: [], teamIds: [], userIds: [] };
      await checkDocumentShares(trx, user.agencyId, input.fields.sharingLevel, shares);
      // Never wider than the case, from the start as on every later change (nothing is stored yet).
      await assertWithinCase(trx, input.caseId, user, { level: input.fields.sharingLevel, owner: { ...user, teamId }, ...shares }, 'document');
      const id = input.fields.documentId ?? newId();
      await commitBlob(ctx.config.dataDir, input.staged, storageKey, documentSeal(ctx.config, id));
      await trx.insertInto('documents').values({
        id, case_id: input.caseId, report_id: input.fields.reportId ?? null, file_name: fileName, content_type: contentType,
        size_bytes: input.staged.sizeBytes, sha256: input.staged.sha256, storage_key: storageKey, owner_agency_id: user.agencyId,
        owner_team_id: teamId, uploaded_by: user.id, sharing_level: input.fields.sharingLevel, created_at: at,
      }).execute();
      const grantees = [
        ...shares.agencyIds.map((g) => ({ kind: 'agency', id: g })), ...shares.teamIds.map((g) => ({ kind: 'team', id: g })),
        ...shares.userIds.map((g) => ({ kind: 'user', id: g })),
      ];
      for (const g of new Map(grantees.map((x) => [`${x.kind}:${x.id}`, x])).values()) {
        await trx.insertInto('document_shares').values({ document_id: id, grantee_kind: g.kind, grantee_id: g.id }).execute();
      }
      await recordChange(trx, { entity: 'document', entityId: id, op: 'upsert', caseId: input.caseId, at });
      await recordAudit(trx, {
        actor, action: 'document.upload', entityType: 'document', entityId: id, outcome: 'success', at: now,
        // No file name: it may name a person, and audit must hold no content that erasure would remove.
        details: { caseId: input.caseId, reportId: input.fields.reportId ?? null, contentType, sizeBytes: input.staged.sizeBytes, sha256: input.staged.sha256, sharingLevel: input.fields.sharingLevel },
      });
      const row = await findVisibleDocument(trx, user, at, id);
      if (!row) {
        // The uploader restricted the document so that they themselves cannot see it.
        throw new CodedError('validation_error', 'This sharing would hide the document from you; choose a wider sharing level.');
      }
      const [record] = await toDocumentRecords(trx, user, [row]);
      return record!;
    });
  } catch (error) {
    await discard(input.staged.tempPath);
    await discard(blobPath(ctx.config.dataDir, storageKey));
    throw error;
  }
}

/**
 * The stored document when this upload repeats one already stored under the client's id (same
 * uploader, case and content): a replay, answered without storing or auditing anything again.
 * The id taken by anything else is a conflict.
 */
async function replayedUpload(trx: Transaction<ServerDatabase>, user: AuthUser, at: string, input: UploadInput): Promise<DocumentRecord | null> {
  const id = input.fields.documentId!;
  const taken = await trx.selectFrom('documents').select(['uploaded_by', 'case_id', 'sha256']).where('id', '=', id).executeTakeFirst();
  if (!taken) {
    return null;
  }
  const row = taken.uploaded_by === user.id && taken.case_id === input.caseId && taken.sha256 === input.staged.sha256
    ? await findVisibleDocument(trx, user, at, id) : undefined;
  if (!row) {
    throw new CodedError('conflict', 'A document with this id already exists.');
  }
  const [record] = await toDocumentRecords(trx, user, [row]);
  return record!;
}

function ownerTeam(user: AuthUser, requested: string | undefined): string | null {
  if (requested !== undefined) {
    if (!user.teamIds.includes(requested)) {
      throw new CodedError('validation_error', 'The owning team must be one of your teams.');
    }
    return requested;
  }
  return user.teamIds.length === 1 ? (user.teamIds[0] ?? null) : null;
}
