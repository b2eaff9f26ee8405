/** Turns a case row into the wire shape. */
import type { Selectable } from 'kysely';
import type { CaseTable } from '../../db/server/schema.ts';
import type { CaseRecord } from '../../domain/entities.ts';

/** Maps a row and its shared agencies (ordered by id) to the record; the caller's response schema checks the contract. */
export function caseRecordOf(r: Selectable<CaseTable>, sharedAgencyIds: readonly string[]): CaseRecord {
  return {
    id: r.id,
    reference: r.reference,
    title: r.title,
    caseType: r.case_type,
    status: r.status,
    closureReason: r.closure_reason,
    riskLevel: r.risk_level,
    reviewDate: r.review_date,
    ownerAgencyId: r.owner_agency_id,
    ownerTeamId: r.owner_team_id,
    ownerUserId: r.owner_user_id,
    sharingLevel: r.sharing_level,
    sharedAgencyIds: [...sharedAgencyIds],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}
