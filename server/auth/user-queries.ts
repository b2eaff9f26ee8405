/** Reads users for sign-in and authentication. */
import { sql, type Kysely } from 'kysely';
import { compileOnce } from '../../db/compile-once.ts';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { RoleSchema, type Role } from '../../domain/vocabulary.ts';
import type { AuthUser } from './auth-user.ts';
import type { DeviceStanding } from './devices.ts';

/**
 * Loads an enabled user with their agency name and teams, or undefined. With `tokenIssuedAt`, also
 * undefined when the user's sessions were cut off after that time (an admin reset their second factor).
 */
export async function loadSessionUser(db: Kysely<ServerDatabase>, userId: string, tokenIssuedAt?: string): Promise<AuthUser | undefined> {
  return (await loadSession(db, { userId, tokenIssuedAt, deviceId: null }))?.user;
}

/** What a request's session check reads: the user, when their token was issued, and a device it names. */
export interface SessionKey {
  userId: string;
  tokenIssuedAt?: string | undefined;
  deviceId: string | null;
}

/**
 * The signed-in user as loadSessionUser reads them and, when the request names a device, that device's
 * owner and revocation (for assertDeviceStanding), in one statement: every authenticated request runs it,
 * so its four shapes are each built and compiled once per handle (db/compile-once.ts).
 */
export async function loadSession(db: Kysely<ServerDatabase>, key: SessionKey): Promise<{ user: AuthUser; device?: DeviceStanding } | undefined> {
  const { userId, tokenIssuedAt, deviceId } = key;
  const values: { userId: string; tokenIssuedAt?: string; deviceId?: string } = { userId };
  if (tokenIssuedAt !== undefined) {
    values.tokenIssuedAt = tokenIssuedAt;
  }
  if (deviceId !== null) {
    values.deviceId = deviceId;
  }
  // The values present make the shape (the stand-ins of those left out are undefined), so they name it.
  const shape = `session ${Object.keys(values).join(' ')}`;
  const query = compileOnce(db, shape, values, (d, v) => {
    let q = sessionUserQuery(d, v.userId);
    if (v.tokenIssuedAt !== undefined) {
      const issuedAt = v.tokenIssuedAt;
      q = q.where((eb) => eb.or([eb('users.sessions_valid_after', 'is', null), eb('users.sessions_valid_after', '<=', issuedAt)]));
    }
    return v.deviceId === undefined ? q.compile() : withDevice(q, v.deviceId).compile();
  });
  const [row] = (await db.executeQuery(query)).rows as (SessionRow & Partial<DeviceColumns>)[];
  if (!row) {
    return undefined;
  }
  const user: AuthUser = {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: RoleSchema.parse(row.role),
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    teamIds: row.team_ids === null ? [] : row.team_ids.split(','),
  };
  return deviceId === null ? { user } : { user, device: { user_id: row.device_user_id ?? null, revoked_at: row.device_revoked_at ?? null } };
}

type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionUserQuery>['executeTakeFirstOrThrow']>>;
interface DeviceColumns {
  device_user_id: string | null;
  device_revoked_at: string | null;
}

// The named device's owner and revocation beside the user's row (nulls when there is no such device).
function withDevice(q: ReturnType<typeof sessionUserQuery>, deviceId: string) {
  return q.leftJoin('devices as d', (join) => join.on('d.id', '=', deviceId))
    .select(['d.user_id as device_user_id', 'd.revoked_at as device_revoked_at']);
}

/** An enabled user who need not change their password, with their agency's name and their teams in one statement. */
function sessionUserQuery(db: Kysely<ServerDatabase>, userId: string) {
  return db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.agency_id', 'agencies.name as agency_name'])
    // Team ids are UUIDs, so never hold a comma.
    .select(sql<string | null>`(select string_agg(t.team_id, ',' order by t.team_id) from user_teams t where t.user_id = users.id)`.as('team_ids'))
    .where('users.id', '=', userId)
    .where('users.disabled', '=', 0)
    // Until a forced password change is done, no token is good for anything (0019).
    .where('users.must_change_password', '=', 0);
}

/** What sign-in needs to know about a user: the password hash and the second-factor state. */
export interface Credentials {
  id: string;
  agencyId: string;
  passwordHash: string;
  /** Set once enrolment starts; only trusted as a second factor when `totpEnabled`. */
  totpSecret: string | null;
  totpEnabled: boolean;
  /** The user's agency requires a second factor for everyone. */
  totpRequired: boolean;
  /** An administrator set the password: the user must choose a new one before signing in. */
  mustChangePassword: boolean;
}

/** Finds an enabled user's credentials by username (case-insensitive). */
export async function findCredentials(db: Kysely<ServerDatabase>, username: string): Promise<Credentials | undefined> {
  const row = await db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select(['users.id', 'users.agency_id', 'users.password_hash', 'users.totp_secret', 'users.totp_enabled', 'users.must_change_password', 'agencies.require_totp'])
    .where('users.username', '=', username.toLowerCase())
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
  return row
    ? {
        id: row.id, agencyId: row.agency_id, passwordHash: row.password_hash, totpSecret: row.totp_secret,
        totpEnabled: row.totp_enabled === 1, totpRequired: row.require_totp === 1, mustChangePassword: row.must_change_password === 1,
      }
    : undefined;
}

/** A user's agency and role (disabled or not), for admin policy checks. */
export interface UserScope {
  id: string;
  agencyId: string;
  role: Role;
}

/** Loads a user's agency and role, or undefined. */
export async function findUserScope(db: Kysely<ServerDatabase>, userId: string): Promise<UserScope | undefined> {
  const row = await db.selectFrom('users').select(['id', 'agency_id', 'role']).where('id', '=', userId).executeTakeFirst();
  return row ? { id: row.id, agencyId: row.agency_id, role: RoleSchema.parse(row.role) } : undefined;
}
