/**
 * Who a task on a case may be given to: the case's owner agency and the partner agencies it is
 * shared with (by agency, or through a named team or user of theirs), with their teams and the
 * enabled accounts whose role works cases.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import type { TaskAssignees } from '../../domain/entities/task-assignees.ts';
import { ROLES_WITHOUT_CASE_READING } from '../../domain/policy/policy-user.ts';
import type { LoadedCase } from '../cases/case-policy-loader.ts';

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;

/** The agencies that see the case: its owner first, then the partners it is shared with. */
export async function caseAgencyIds(db: Db, loaded: LoadedCase): Promise<string[]> {
  const ids = new Set([loaded.row.owner_agency_id]);
  if (loaded.row.sharing_level === 'shared') {
    loaded.policy.sharedAgencyIds.forEach((id) => ids.add(id));
    if (loaded.policy.sharedTeamIds.length > 0) {
      (await db.selectFrom('teams').select('agency_id').where('id', 'in', loaded.policy.sharedTeamIds).execute()).forEach((t) => ids.add(t.agency_id));
    }
    if (loaded.policy.sharedUserIds.length > 0) {
      (await db.selectFrom('users').select('agency_id').where('id', 'in', loaded.policy.sharedUserIds).execute()).forEach((u) => ids.add(u.agency_id));
    }
  }
  return [...ids];
}

/** Refuses an assignee agency the case is not shared with: it could not see what the task is about. */
export async function assertAgencySeesCase(db: Db, loaded: LoadedCase, agencyId: string): Promise<void> {
  if (!(await caseAgencyIds(db, loaded)).includes(agencyId)) {
    throw new CodedError('validation_error', 'Invalid body at assigneeAgencyId: this case is not shared with that agency; share it first or choose a partner it is shared with.');
  }
}

/** The choosable assignees, owner agency first, then partners by name; teams and people by name. */
export async function listTaskAssignees(db: Db, loaded: LoadedCase): Promise<TaskAssignees> {
  const agencyIds = await caseAgencyIds(db, loaded);
  const [agencies, teams, users, memberships] = await Promise.all([
    db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', agencyIds).orderBy('name').execute(),
    db.selectFrom('teams').select(['id', 'name', 'agency_id']).where('agency_id', 'in', agencyIds).orderBy('name').orderBy('id').execute(),
    db.selectFrom('users').select(['id', 'display_name', 'agency_id']).where('agency_id', 'in', agencyIds).where('disabled', '=', 0)
      .where('role', 'not in', [...ROLES_WITHOUT_CASE_READING]).orderBy('display_name').orderBy('id').execute(),
    db.selectFrom('user_teams').innerJoin('teams', 'teams.id', 'user_teams.team_id').select(['user_teams.user_id', 'user_teams.team_id'])
      .where('teams.agency_id', 'in', agencyIds).execute(),
  ]);
  const teamsOf = new Map<string, string[]>();
  memberships.forEach((m) => teamsOf.set(m.user_id, [...(teamsOf.get(m.user_id) ?? []), m.team_id]));
  const owner = loaded.row.owner_agency_id;
  return {
    agencies: [...agencies].sort((a, b) => Number(b.id === owner) - Number(a.id === owner)).map((a) => ({
      id: a.id, name: a.name, owner: a.id === owner,
      teams: teams.filter((t) => t.agency_id === a.id).map((t) => ({ id: t.id, name: t.name })),
      users: users.filter((u) => u.agency_id === a.id).map((u) => ({ id: u.id, displayName: u.display_name, teamIds: (teamsOf.get(u.id) ?? []).sort() })),
    })),
  };
}
