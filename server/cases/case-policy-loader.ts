/** Loads a case's row with its policy shape (shares and the caller's grants), for re-checks before writes. */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { CaseTable, ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import { can, canSeeCase, type CaseAction, type PolicyCase } from '../../domain/policy/case-policy.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;

/** A case row and the shape the pure policy reads. */
export interface LoadedCase {
  row: Selectable<CaseTable>;
  policy: PolicyCase & { sharedTeamIds: string[]; sharedUserIds: string[] };
}

/** The named shares of many cases at once, and the user's grants on them. */
export async function loadCaseShares(db: Db, caseIds: readonly string[], userId: string) {
  const agencies = new Map<string, string[]>();
  const teams = new Map<string, string[]>();
  const users = new Map<string, string[]>();
  const grants = new Map<string, { userId: string; expiresAt: string; revokedAt: string | null }[]>();
  if (caseIds.length === 0) {
    return { agencies, teams, users, grants };
  }
  const ids = [...caseIds];
  const push = (m: Map<string, string[]>, k: string, v: string) => m.set(k, [...(m.get(k) ?? []), v]);
  for (const r of await db.selectFrom('case_shared_agencies').select(['case_id', 'agency_id']).where('case_id', 'in', ids).orderBy('agency_id').execute()) {
    push(agencies, r.case_id, r.agency_id);
  }
  for (const r of await db.selectFrom('case_shared_teams').select(['case_id', 'team_id']).where('case_id', 'in', ids).orderBy('team_id').execute()) {
    push(teams, r.case_id, r.team_id);
  }
  for (const r of await db.selectFrom('case_shared_users').select(['case_id', 'user_id']).where('case_id', 'in', ids).orderBy('user_id').execute()) {
    push(users, r.case_id, r.user_id);
  }
  const grantRows = await db.selectFrom('access_grants').select(['resource_id', 'user_id', 'expires_at', 'revoked_at'])
    .where('resource_type', '=', 'case').where('user_id', '=', userId).where('resource_id', 'in', ids).execute();
  for (const g of grantRows) {
    grants.set(g.resource_id, [...(grants.get(g.resource_id) ?? []), { userId: g.user_id, expiresAt: g.expires_at, revokedAt: g.revoked_at }]);
  }
  return { agencies, teams, users, grants };
}

/** Turns rows plus loaded shares into policy shapes. */
export function policyOf(row: Selectable<CaseTable>, shares: Awaited<ReturnType<typeof loadCaseShares>>): LoadedCase['policy'] {
  return {
    ownerAgencyId: row.owner_agency_id,
    ownerTeamId: row.owner_team_id,
    ownerUserId: row.owner_user_id,
    sharingLevel: row.sharing_level,
    sharedAgencyIds: shares.agencies.get(row.id) ?? [],
    sharedTeamIds: shares.teams.get(row.id) ?? [],
    sharedUserIds: shares.users.get(row.id) ?? [],
    grants: shares.grants.get(row.id) ?? [],
  };
}

/** Loads a case or undefined when it does not exist. */
export async function loadCase(db: Db, caseId: string, user: PolicyUser): Promise<LoadedCase | undefined> {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!row) {
    return undefined;
  }
  return { row, policy: policyOf(row, await loadCaseShares(db, [caseId], user.id)) };
}

/**
 * Loads a case the user may see and checks the action: 404 when they cannot see it (existence
 * is not revealed), 403 when they see it but may not take the action.
 */
export async function loadCaseFor(db: Db, caseId: string, user: PolicyUser, at: string, action: CaseAction): Promise<LoadedCase> {
  const loaded = await loadCase(db, caseId, user);
  if (!loaded || !canSeeCase(user, loaded.policy, at)) {
    throw new CodedError('not_found', 'No such case.');
  }
  if (!can(user, action, loaded.policy, at)) {
    throw new CodedError('authorization_error', `You may not ${action.replace('_', ' ')} this case.`);
  }
  return loaded;
}
