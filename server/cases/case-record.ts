/** Turns case rows into the wire shape, loading their shared-agency lists in one query. */
import type { Kysely, Selectable } from 'kysely';
import type { CaseTable, ServerDatabase } from '../../db/server/schema.ts';
import { CaseRecordSchema, type CaseRecord } from '../../domain/entities.ts';

/** Maps rows to records; the schema parse guarantees the wire contract. */
export async function toCaseRecords(db: Kysely<ServerDatabase>, rows: Selectable<CaseTable>[]): Promise<CaseRecord[]> {
  if (rows.length === 0) {
    return [];
  }
  const shares = await db
    .selectFrom('case_shared_agencies')
    .select(['case_id', 'agency_id'])
    .where('case_id', 'in', rows.map((r) => r.id))
    .orderBy('agency_id')
    .execute();
  const byCase = new Map<string, string[]>();
  for (const s of shares) {
    const list = byCase.get(s.case_id) ?? [];
    list.push(s.agency_id);
    byCase.set(s.case_id, list);
  }
  return rows.map((r) =>
    CaseRecordSchema.parse({
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
      sharedAgencyIds: byCase.get(r.id) ?? [],
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      version: r.version,
    }),
  );
}
