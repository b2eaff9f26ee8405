/** GET /cases/:id/sharing: a case's sharing as it stands and the directory the caller's agency may share with. */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CaseSharingViewSchema, type CaseSharingView } from '../../domain/entities/sharing.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { loadCaseFor } from './case-policy-loader.ts';
import { sharingDirectory } from './sharing-directory.ts';

/** The case's sharing for anyone who may read it (its owner decides; authors of reports restrict theirs within it). */
export async function caseSharingView(db: Kysely<ServerDatabase>, caseId: string, user: PolicyUser, at: string): Promise<CaseSharingView> {
  const { row, policy } = await loadCaseFor(db, caseId, user, at, 'read');
  const named = [...policy.sharedAgencyIds];
  if (policy.sharedTeamIds.length > 0) {
    named.push(...(await db.selectFrom('teams').select('agency_id').where('id', 'in', policy.sharedTeamIds).execute()).map((t) => t.agency_id));
  }
  if (policy.sharedUserIds.length > 0) {
    named.push(...(await db.selectFrom('users').select('agency_id').where('id', 'in', policy.sharedUserIds).execute()).map((u) => u.agency_id));
  }
  return CaseSharingViewSchema.parse({
    caseId,
    owner: { agencyId: row.owner_agency_id, teamId: row.owner_team_id, userId: row.owner_user_id },
    sharing: {
      sharingLevel: row.sharing_level, agencyIds: policy.sharedAgencyIds, teamIds: policy.sharedTeamIds, userIds: policy.sharedUserIds,
      hiddenFromSearch: Number(row.hidden_from_search) === 1, version: row.version,
    },
    agencies: await sharingDirectory(db, user.agencyId, [row.owner_agency_id, ...named]),
  });
}
