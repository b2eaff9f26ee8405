/** Loads the policy shape of persons (their cases with sharing, search flags, profile-only links and grants) for domain/policy/person-policy.ts. */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { PolicyGrant } from '../../domain/policy/policy-user.ts';
import type { PolicyPerson, PolicyPersonCase } from '../../domain/policy/person-policy.ts';

type Db = Kysely<ServerDatabase>;

/** A case of a person, remembering its id so a person in two roles counts the case once. */
interface LoadedCase extends PolicyPersonCase {
  caseId: string;
}

function group<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(key(row)) ?? [];
    list.push(row);
    map.set(key(row), list);
  }
  return map;
}

function grantsOf(rows: ReadonlyArray<{ user_id: string; expires_at: string; revoked_at: string | null }>): PolicyGrant[] {
  return rows.map((g) => ({ userId: g.user_id, expiresAt: g.expires_at, revokedAt: g.revoked_at }));
}

/** The policy shape of each person in `persons` (id and owner agency), keyed by id. */
export async function loadPolicyPersons(
  db: Db, persons: ReadonlyArray<{ id: string; owner_agency_id: string }>,
): Promise<Map<string, PolicyPerson>> {
  const result = new Map<string, PolicyPerson>();
  if (persons.length === 0) {
    return result;
  }
  const personIds = persons.map((p) => p.id);
  const subjects = await db.selectFrom('case_subjects as s').innerJoin('cases as c', 'c.id', 's.case_id')
    .select(['s.person_id', 's.profile_only', 'c.id', 'c.owner_agency_id', 'c.owner_team_id', 'c.owner_user_id', 'c.sharing_level', 'c.hidden_from_search'])
    .where('s.person_id', 'in', personIds).execute();
  const caseIds = [...new Set(subjects.map((s) => s.id))];
  const [agencies, teams, users, caseGrants, personGrants] = caseIds.length === 0
    ? [[], [], [], [], await personGrantRows(db, personIds)]
    : await Promise.all([
      db.selectFrom('case_shared_agencies').select(['case_id', 'agency_id as grantee']).where('case_id', 'in', caseIds).execute(),
      db.selectFrom('case_shared_teams').select(['case_id', 'team_id as grantee']).where('case_id', 'in', caseIds).execute(),
      db.selectFrom('case_shared_users').select(['case_id', 'user_id as grantee']).where('case_id', 'in', caseIds).execute(),
      db.selectFrom('access_grants').select(['resource_id', 'user_id', 'expires_at', 'revoked_at'])
        .where('resource_type', '=', 'case').where('resource_id', 'in', caseIds).execute(),
      personGrantRows(db, personIds),
    ]);
  const byCase = {
    agencies: group(agencies, (r) => r.case_id), teams: group(teams, (r) => r.case_id),
    users: group(users, (r) => r.case_id), grants: group(caseGrants, (r) => r.resource_id),
  };
  const casesByPerson = new Map<string, LoadedCase[]>();
  for (const s of subjects) {
    const list = casesByPerson.get(s.person_id) ?? [];
    const profileOnly = Number(s.profile_only) === 1;
    const known = list.find((c) => c.caseId === s.id);
    if (known) {
      // A case reveals the full record when any of the person's links to it does.
      known.profileOnly = known.profileOnly === true && profileOnly;
    } else {
      list.push({
        caseId: s.id, profileOnly,
        ownerAgencyId: s.owner_agency_id, ownerTeamId: s.owner_team_id, ownerUserId: s.owner_user_id,
        sharingLevel: s.sharing_level, hiddenFromSearch: Number(s.hidden_from_search) === 1,
        sharedAgencyIds: (byCase.agencies.get(s.id) ?? []).map((r) => r.grantee),
        sharedTeamIds: (byCase.teams.get(s.id) ?? []).map((r) => r.grantee),
        sharedUserIds: (byCase.users.get(s.id) ?? []).map((r) => r.grantee),
        grants: grantsOf(byCase.grants.get(s.id) ?? []),
      });
    }
    casesByPerson.set(s.person_id, list);
  }
  const grantsByPerson = group(personGrants, (r) => r.resource_id);
  for (const p of persons) {
    result.set(p.id, {
      ownerAgencyId: p.owner_agency_id,
      cases: casesByPerson.get(p.id) ?? [],
      grants: grantsOf(grantsByPerson.get(p.id) ?? []),
    });
  }
  return result;
}

function personGrantRows(db: Db, personIds: string[]) {
  return db.selectFrom('access_grants').select(['resource_id', 'user_id', 'expires_at', 'revoked_at'])
    .where('resource_type', '=', 'person').where('resource_id', 'in', personIds).execute();
}
