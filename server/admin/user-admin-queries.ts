/** Reads and writes of user accounts and teams for the administration routes. */
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import type { AdminUser, Team } from '../../domain/http/user-admin-routes.ts';
import type { AdminTarget } from '../../domain/policy/user-admin-policy.ts';
import { RoleSchema } from '../../domain/vocabulary.ts';

type Db = Kysely<ServerDatabase>;

const USER_COLUMNS = ['id', 'agency_id', 'username', 'display_name', 'role', 'disabled', 'must_change_password', 'totp_enabled', 'created_at'] as const;

/** The accounts of an agency (or one account), with their teams, ordered by display name. */
export async function listAdminUsers(db: Db, where: { agencyId: string } | { userId: string }): Promise<AdminUser[]> {
  let query = db.selectFrom('users').select([...USER_COLUMNS]);
  query = 'agencyId' in where ? query.where('agency_id', '=', where.agencyId) : query.where('id', '=', where.userId);
  const rows = await query.orderBy('display_name').orderBy('username').execute();
  if (rows.length === 0) {
    return [];
  }
  const memberships = await db.selectFrom('user_teams').select(['user_id', 'team_id']).where('user_id', 'in', rows.map((r) => r.id)).orderBy('team_id').execute();
  return rows.map((r) => ({
    id: r.id, agencyId: r.agency_id, username: r.username, displayName: r.display_name, role: RoleSchema.parse(r.role),
    teamIds: memberships.filter((m) => m.user_id === r.id).map((m) => m.team_id),
    disabled: r.disabled === 1, mustChangePassword: r.must_change_password === 1, totpEnabled: r.totp_enabled === 1, createdAt: r.created_at,
  }));
}

/** One account as an administrator sees it; throws `not_found` when there is none. */
export async function loadAdminUser(db: Db, userId: string): Promise<AdminUser> {
  const [user] = await listAdminUsers(db, { userId });
  if (!user) {
    throw new CodedError('not_found', 'No such user.');
  }
  return user;
}

/** The policy's view of an account, or `not_found`. */
export async function loadAdminTarget(db: Db, userId: string): Promise<AdminTarget> {
  const row = await db.selectFrom('users').select(['id', 'agency_id', 'role', 'disabled']).where('id', '=', userId).executeTakeFirst();
  if (!row) {
    throw new CodedError('not_found', 'No such user.');
  }
  return { id: row.id, agencyId: row.agency_id, role: RoleSchema.parse(row.role), disabled: row.disabled === 1 };
}

/** How many system admin accounts are enabled. */
export async function countActiveSystemAdmins(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'system_admin').where('disabled', '=', 0).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The teams of an agency with how many accounts belong to each, ordered by name. */
export async function listTeams(db: Db, agencyId: string): Promise<Team[]> {
  const rows = await db.selectFrom('teams').leftJoin('user_teams', 'user_teams.team_id', 'teams.id')
    .select(['teams.id', 'teams.agency_id', 'teams.name', (eb) => eb.fn.count<number>('user_teams.user_id').as('members')])
    .where('teams.agency_id', '=', agencyId).groupBy(['teams.id', 'teams.agency_id', 'teams.name']).orderBy('teams.name').execute();
  return rows.map((r) => ({ id: r.id, agencyId: r.agency_id, name: r.name, memberCount: Number(r.members) }));
}

/** Throws `validation_error` unless every team belongs to the agency. */
export async function assertAgencyTeams(db: Db, agencyId: string, teamIds: readonly string[]): Promise<void> {
  const unique = [...new Set(teamIds)];
  if (unique.length === 0) {
    return;
  }
  const found = await db.selectFrom('teams').select('id').where('agency_id', '=', agencyId).where('id', 'in', unique).execute();
  if (found.length !== unique.length) {
    throw new CodedError('validation_error', "A chosen team is not one of this agency's teams.");
  }
}

/** Throws `validation_error` unless the agency exists. */
export async function assertAgencyExists(db: Db, agencyId: string): Promise<void> {
  const row = await db.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst();
  if (!row) {
    throw new CodedError('validation_error', 'No such agency.');
  }
}

// No 0/O, 1/l/I: a temporary password is read off a screen and typed or said aloud.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A generated temporary password: four groups of five characters (about 98 bits). */
export function temporaryPassword(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
  return groups.join('-');
}
