/** The directory the sharing dialog chooses from, and the lookups the "never wider than its case" rule needs. */
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { SharingAgency } from '../../domain/entities/sharing.ts';
import { ROLES_WITHOUT_CASE_READING, type PolicyUser } from '../../domain/policy/policy-user.ts';
import type { DirectoryLookup } from '../../domain/policy/within-case.ts';

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;

/** The agencies `agencyId` may name in a share: itself and its partners (every agency when its sharing is not restricted). */
export async function shareableAgencyIds(db: Db, agencyId: string): Promise<string[]> {
  const own = await db.selectFrom('agencies').select('sharing_restricted').where('id', '=', agencyId).executeTakeFirstOrThrow();
  if (Number(own.sharing_restricted) !== 1) {
    return (await db.selectFrom('agencies').select('id').execute()).map((a) => a.id);
  }
  const partners = await db.selectFrom('sharing_agreements').select('partner_agency_id').where('agency_id', '=', agencyId).execute();
  return [agencyId, ...partners.map((p) => p.partner_agency_id)];
}

/**
 * The caller's agency first, then the others by name: each with its teams and active users who read
 * cases. `extra` agencies (already named on a record) are included even when they may not be named again.
 */
export async function sharingDirectory(db: Db, agencyId: string, extra: readonly string[]): Promise<SharingAgency[]> {
  const shareable = new Set(await shareableAgencyIds(db, agencyId));
  const ids = [...new Set([agencyId, ...shareable, ...extra])];
  const agencies = await db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', ids).orderBy('name').execute();
  const teams = await db.selectFrom('teams').select(['id', 'name', 'agency_id']).where('agency_id', 'in', ids).orderBy('name').execute();
  const users = await db.selectFrom('users').select(['id', 'display_name', 'agency_id']).where('agency_id', 'in', ids)
    .where('disabled', '=', 0).where('role', 'not in', [...ROLES_WITHOUT_CASE_READING]).orderBy('display_name').execute();
  const memberships = users.length === 0 ? [] : await db.selectFrom('user_teams').select(['user_id', 'team_id'])
    .where('user_id', 'in', users.map((u) => u.id)).execute();
  const result = agencies.map((a) => ({
    id: a.id,
    name: a.name,
    mayShare: shareable.has(a.id),
    teams: teams.filter((t) => t.agency_id === a.id).map((t) => ({ id: t.id, name: t.name })),
    users: users.filter((u) => u.agency_id === a.id)
      .map((u) => ({ id: u.id, displayName: u.display_name, teamIds: memberships.filter((m) => m.user_id === u.id).map((m) => m.team_id).sort() })),
  }));
  return [...result.filter((a) => a.id === agencyId), ...result.filter((a) => a.id !== agencyId)];
}

/** Looks up the named teams and users (the "never wider than its case" rule needs their agencies and teams). */
export async function directoryLookup(db: Db, teamIds: readonly string[], userIds: readonly string[]): Promise<DirectoryLookup> {
  const teams = teamIds.length === 0 ? [] : await db.selectFrom('teams').select(['id', 'agency_id']).where('id', 'in', [...teamIds]).execute();
  const users = userIds.length === 0 ? [] : await db.selectFrom('users').select(['id', 'agency_id', 'role']).where('id', 'in', [...userIds]).execute();
  const memberships = users.length === 0 ? [] : await db.selectFrom('user_teams').select(['user_id', 'team_id']).where('user_id', 'in', [...userIds]).execute();
  const byUser = new Map<string, PolicyUser>(users.map((u) => [u.id, {
    id: u.id, agencyId: u.agency_id, role: u.role, teamIds: memberships.filter((m) => m.user_id === u.id).map((m) => m.team_id),
  }]));
  const byTeam = new Map(teams.map((t) => [t.id, t.agency_id]));
  return { teamAgency: (id) => byTeam.get(id), user: (id) => byUser.get(id) };
}
