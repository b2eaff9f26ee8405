/** Reads users for sign-in and authentication. */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { RoleSchema } from '../../domain/vocabulary.ts';
import type { AuthUser } from './auth-user.ts';

/** Loads an enabled user with their agency name and teams, or undefined. */
export async function loadSessionUser(db: Kysely<ServerDatabase>, userId: string): Promise<AuthUser | undefined> {
  const row = await db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.agency_id', 'agencies.name as agency_name'])
    .where('users.id', '=', userId)
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
  if (!row) {
    return undefined;
  }
  const teams = await db.selectFrom('user_teams').select('team_id').where('user_id', '=', userId).orderBy('team_id').execute();
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: RoleSchema.parse(row.role),
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    teamIds: teams.map((t) => t.team_id),
  };
}

/** Finds a user's id and password hash by username (case-insensitive), if enabled. */
export async function findCredentials(
  db: Kysely<ServerDatabase>,
  username: string,
): Promise<{ id: string; passwordHash: string } | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'password_hash'])
    .where('username', '=', username.toLowerCase())
    .where('disabled', '=', 0)
    .executeTakeFirst();
  return row ? { id: row.id, passwordHash: row.password_hash } : undefined;
}
