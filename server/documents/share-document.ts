/**
 * Changes a document's restriction: the uploader or a manager of its agency, within the sharing
 * agreements, never wider than its case. Documents carry no version: the row is locked first, then
 * the sharing the caller last saw is compared with what is stored, so a stale change is a conflict.
 */
import { canDeleteDocument } from '../../domain/documents/document-abilities.ts';
import { CodedError } from '../../domain/errors.ts';
import type { DocumentSharingBody } from '../../domain/entities/sharing.ts';
import { fitsCase, widerThanCase } from '../../domain/policy/within-case.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { loadCase } from '../cases/case-policy-loader.ts';
import { directoryLookup } from '../cases/sharing-directory.ts';
import { recordChange } from '../changes/record-change.ts';
import { withWrite } from '../db/write.ts';
import type { ServerContext } from '../context/server-context.ts';
import { checkDocumentShares } from './check-document-shares.ts';
import { findVisibleDocument, toDocumentRecords } from './document-record.ts';
import type { DocumentRecord } from '../../domain/entities/document.ts';

const sorted = (ids: readonly string[]) => [...new Set(ids)].sort();
const sameList = (a: readonly string[], b: readonly string[]) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

/** Replaces the document's sharing level and named grantees; answers the document as it now is. */
export async function shareDocument(ctx: ServerContext, user: AuthUser, actor: AuditActor, id: string, body: DocumentSharingBody): Promise<DocumentRecord> {
  const now = ctx.now();
  const at = now.toISOString();
  return withWrite(ctx, async (trx) => {
    const row = await findVisibleDocument(trx, user, at, id);
    if (!row) {
      throw new CodedError('not_found', 'No such document.');
    }
    if (!canDeleteDocument(user, { uploadedBy: row.uploaded_by, ownerAgencyId: row.owner_agency_id })) {
      throw new CodedError('authorization_error', 'Only the uploader or a manager of the owning agency may change who sees this document.');
    }
    const shared = body.sharingLevel === 'shared';
    const next = {
      agencyIds: shared ? sorted(body.agencyIds.filter((a) => a !== row.owner_agency_id)) : [],
      teamIds: shared ? sorted(body.teamIds) : [],
      userIds: shared ? sorted(body.userIds) : [],
    };
    await checkDocumentShares(trx, row.owner_agency_id, body.sharingLevel, next);
    const loaded = await loadCase(trx, row.case_id, user);
    if (!loaded) {
      throw new CodedError('not_found', 'No such document.');
    }
    const uploader = await trx.selectFrom('users').select('role').where('id', '=', row.uploaded_by).executeTakeFirst();
    const uploaderTeams = (await trx.selectFrom('user_teams').select('team_id').where('user_id', '=', row.uploaded_by).execute()).map((t) => t.team_id);
    const wider = widerThanCase(loaded.policy, {
      level: body.sharingLevel,
      owner: { id: row.uploaded_by, agencyId: row.owner_agency_id, teamIds: uploaderTeams, role: uploader?.role ?? 'practitioner', teamId: row.owner_team_id },
      ...next,
    }, await directoryLookup(trx, next.teamIds, next.userIds));
    if (!fitsCase(wider)) {
      throw new CodedError('validation_error', 'A document cannot be shared more widely than its case: choose people who can already see the case.');
    }
    // Lock the row (a no-op update), then compare what is stored with what the caller last saw.
    await trx.updateTable('documents').set((eb) => ({ sharing_level: eb.ref('sharing_level') })).where('id', '=', id).execute();
    const current = await trx.selectFrom('documents').select('sharing_level').where('id', '=', id).executeTakeFirstOrThrow();
    const shares = await trx.selectFrom('document_shares').select(['grantee_kind', 'grantee_id']).where('document_id', '=', id).execute();
    const of = (kind: string) => shares.filter((s) => s.grantee_kind === kind).map((s) => s.grantee_id);
    const stale = current.sharing_level !== body.expected.sharingLevel || !sameList(of('agency'), body.expected.agencyIds)
      || !sameList(of('team'), body.expected.teamIds) || !sameList(of('user'), body.expected.userIds);
    if (stale) {
      throw new CodedError('conflict', 'The document’s sharing changed since you loaded it; reload and try again.');
    }
    await recordChange(trx, { entity: 'document', entityId: id, op: 'access', caseId: row.case_id, at });
    await trx.updateTable('documents').set({ sharing_level: body.sharingLevel }).where('id', '=', id).execute();
    await trx.deleteFrom('document_shares').where('document_id', '=', id).execute();
    const grantees = [
      ...next.agencyIds.map((grantee_id) => ({ grantee_kind: 'agency', grantee_id })),
      ...next.teamIds.map((grantee_id) => ({ grantee_kind: 'team', grantee_id })),
      ...next.userIds.map((grantee_id) => ({ grantee_kind: 'user', grantee_id })),
    ];
    if (grantees.length > 0) {
      await trx.insertInto('document_shares').values(grantees.map((g) => ({ document_id: id, ...g }))).execute();
    }
    const changes = {
      sharingLevel: [current.sharing_level, body.sharingLevel],
      sharedAgencyIds: [sorted(of('agency')), next.agencyIds], sharedTeamIds: [sorted(of('team')), next.teamIds], sharedUserIds: [sorted(of('user')), next.userIds],
    };
    await recordAudit(trx, { actor, action: 'record.share_change', entityType: 'document', entityId: id, outcome: 'success', at: now, details: { changes } });
    const after = await findVisibleDocument(trx, user, at, id);
    if (!after) {
      // The caller narrowed it past themselves (e.g. a manager choosing "owner only" for the uploader).
      const [record] = await toDocumentRecords(trx, user, [{ ...row, sharing_level: body.sharingLevel }]);
      return record!;
    }
    const [record] = await toDocumentRecords(trx, user, [after]);
    return record!;
  });
}
