/** Reads documents through the one visibility filter and turns rows into wire records. */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DocumentTable, ServerDatabase } from '../../db/server/schema.ts';
import { documentAbilities } from '../../domain/documents/document-abilities.ts';
import type { DocumentRecord } from '../../domain/entities/document.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { documentVisibleSql } from '../access/document-visibility.ts';

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;
/** A row of the documents table. */
export type DocumentRow = Selectable<DocumentTable>;

/** The document if the user may see it at `at`, else null (callers answer 404 either way). */
export function findVisibleDocument(db: Db, user: PolicyUser, at: string, id: string): Promise<DocumentRow | undefined> {
  return db.selectFrom('documents').selectAll().where('id', '=', id).where(documentVisibleSql(user, at, 'documents')).executeTakeFirst();
}

/** Every document of a case the user may see, oldest first. */
export function listVisibleCaseDocuments(db: Db, user: PolicyUser, at: string, caseId: string): Promise<DocumentRow[]> {
  return db.selectFrom('documents').selectAll().where('case_id', '=', caseId).where(documentVisibleSql(user, at, 'documents'))
    .orderBy('created_at').orderBy('id').execute();
}

/** Wire records for rows the user may see, with their named grantees and the caller's abilities. */
export async function toDocumentRecords(db: Db, user: PolicyUser, rows: readonly DocumentRow[]): Promise<DocumentRecord[]> {
  const ids = rows.map((r) => r.id);
  const shares = ids.length === 0 ? [] : await db.selectFrom('document_shares').select(['document_id', 'grantee_kind', 'grantee_id'])
    .where('document_id', 'in', ids).orderBy('grantee_id').execute();
  return rows.map((row) => {
    const of = (kind: string) => shares.filter((s) => s.document_id === row.id && s.grantee_kind === kind).map((s) => s.grantee_id);
    return {
      id: row.id,
      caseId: row.case_id,
      reportId: row.report_id,
      fileName: row.file_name,
      contentType: row.content_type,
      sizeBytes: Number(row.size_bytes),
      sha256: row.sha256,
      ownerAgencyId: row.owner_agency_id,
      ownerTeamId: row.owner_team_id,
      uploadedBy: row.uploaded_by,
      sharingLevel: row.sharing_level,
      shares: { agencyIds: of('agency'), teamIds: of('team'), userIds: of('user') },
      createdAt: row.created_at,
      abilities: documentAbilities(user, { uploadedBy: row.uploaded_by, ownerAgencyId: row.owner_agency_id }),
    };
  });
}
