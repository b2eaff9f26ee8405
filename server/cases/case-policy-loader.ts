/** Loads a case's row with its policy shape (shares and the caller's grants), for re-checks before writes. */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { CaseTable, ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import { can, canSeeCase, type CaseAction, type PolicyCase } from '../../domain/policy/case-policy.ts';
import type { PolicyGrant, PolicyUser } from '../../domain/policy/policy-user.ts';

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;

/** A case row and the shape the pure policy reads. */
export interface LoadedCase {
  row: Selectable<CaseTable>;
  policy: PolicyCase & { sharedTeamIds: string[]; sharedUserIds: string[] };
}

/**
 * The named shares of many cases at once, and the user's grants on them: one statement (a union of
 * the three share tables and the grants), each list ordered by grantee id as the policy expects.
 */
export async function loadCaseShares(db: Db, caseIds: readonly string[], userId: string) {
  const agencies = new Map<string, string[]>();
  const teams = new Map<string, string[]>();
  const users = new Map<string, string[]>();
  const grants = new Map<string, { userId: string; expiresAt: string; revokedAt: string | null }[]>();
  if (caseIds.length === 0) {
    return { agencies, teams, users, grants };
  }
  const unique = [...new Set(caseIds)];
  const lists = { a: agencies, t: teams, u: users };
  // Each id is bound four times: chunks keep the statement well inside both dialects' parameter limits.
  for (let i = 0; i < unique.length; i += SHARES_CHUNK) {
    const ids = sql.join(unique.slice(i, i + SHARES_CHUNK).map((id) => sql`${id}`));
    const rows = await sql<ShareRow>`
      select 'a' as kind, case_id, agency_id as grantee, null as expires_at, null as revoked_at from case_shared_agencies where case_id in (${ids})
      union all select 't', case_id, team_id, null, null from case_shared_teams where case_id in (${ids})
      union all select 'u', case_id, user_id, null, null from case_shared_users where case_id in (${ids})
      union all select 'g', resource_id, user_id, expires_at, revoked_at from access_grants
        where resource_type = 'case' and user_id = ${userId} and resource_id in (${ids})
      order by kind, grantee`.execute(db);
    for (const r of rows.rows) {
      if (r.kind === 'g') {
        grants.set(r.case_id, [...(grants.get(r.case_id) ?? []), { userId: r.grantee, expiresAt: r.expires_at ?? '', revokedAt: r.revoked_at }]);
      } else {
        const list = lists[r.kind];
        list.set(r.case_id, [...(list.get(r.case_id) ?? []), r.grantee]);
      }
    }
  }
  return { agencies, teams, users, grants };
}

const SHARES_CHUNK = 1000;

/** The user's grants on these cases, in force or not, by case: what `loadCaseShares` answers as `grants`, without the shares. */
export async function loadCaseGrants(db: Db, caseIds: readonly string[], userId: string): Promise<Map<string, PolicyGrant[]>> {
  const grants = new Map<string, PolicyGrant[]>();
  if (caseIds.length === 0) {
    return grants;
  }
  const rows = await db.selectFrom('access_grants').select(['resource_id', 'user_id', 'expires_at', 'revoked_at'])
    .where('resource_type', '=', 'case').where('user_id', '=', userId).where('resource_id', 'in', [...new Set(caseIds)]).execute();
  for (const r of rows) {
    grants.set(r.resource_id, [...(grants.get(r.resource_id) ?? []), { userId: r.user_id, expiresAt: r.expires_at, revokedAt: r.revoked_at }]);
  }
  return grants;
}

/** One row of the shares union: `a`gency, `t`eam, `u`ser share, or `g`rant (which alone has times). */
interface ShareRow {
  kind: 'a' | 't' | 'u' | 'g';
  case_id: string;
  grantee: string;
  expires_at: string | null;
  revoked_at: string | null;
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
