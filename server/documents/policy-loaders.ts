/** Loads the policy shapes of a case and a report, so mutations re-check with the pure policy. */
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { PolicyCase } from '../../domain/policy/case-policy.ts';
import type { PolicyReport } from '../../domain/policy/report-policy.ts';

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;

/** A case's ownership, sharing and grants, or null when there is no such case. */
export async function loadPolicyCase(db: Db, caseId: string): Promise<PolicyCase | null> {
  const row = await db.selectFrom('cases').select(['owner_agency_id', 'owner_team_id', 'owner_user_id', 'sharing_level'])
    .where('id', '=', caseId).executeTakeFirst();
  if (!row) {
    return null;
  }
  const [agencies, teams, users, grants] = await Promise.all([
    db.selectFrom('case_shared_agencies').select('agency_id').where('case_id', '=', caseId).execute(),
    db.selectFrom('case_shared_teams').select('team_id').where('case_id', '=', caseId).execute(),
    db.selectFrom('case_shared_users').select('user_id').where('case_id', '=', caseId).execute(),
    db.selectFrom('access_grants').select(['user_id', 'expires_at', 'revoked_at'])
      .where('resource_type', '=', 'case').where('resource_id', '=', caseId).execute(),
  ]);
  return {
    ownerAgencyId: row.owner_agency_id,
    ownerTeamId: row.owner_team_id,
    ownerUserId: row.owner_user_id,
    sharingLevel: row.sharing_level,
    sharedAgencyIds: agencies.map((a) => a.agency_id),
    sharedTeamIds: teams.map((t) => t.team_id),
    sharedUserIds: users.map((u) => u.user_id),
    grants: grants.map((g) => ({ userId: g.user_id, expiresAt: g.expires_at, revokedAt: g.revoked_at })),
  };
}

/** A report's authorship and restriction with its case id, or null when there is no such report. */
export async function loadPolicyReport(db: Db, reportId: string): Promise<(PolicyReport & { caseId: string }) | null> {
  const row = await db.selectFrom('reports').select(['case_id', 'author_agency_id', 'author_team_id', 'author_user_id', 'sharing_level'])
    .where('id', '=', reportId).executeTakeFirst();
  if (!row) {
    return null;
  }
  const shares = await db.selectFrom('report_shares').select(['grantee_kind', 'grantee_id']).where('report_id', '=', reportId).execute();
  const of = (kind: string) => shares.filter((s) => s.grantee_kind === kind).map((s) => s.grantee_id);
  return {
    caseId: row.case_id,
    authorAgencyId: row.author_agency_id,
    authorTeamId: row.author_team_id,
    authorUserId: row.author_user_id,
    sharingLevel: row.sharing_level,
    sharedAgencyIds: of('agency'),
    sharedTeamIds: of('team'),
    sharedUserIds: of('user'),
  };
}
