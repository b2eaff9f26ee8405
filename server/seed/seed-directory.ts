/** Inserts the demo agencies, teams and users, and answers them as the actors the rest of the seed writes as. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { AgencyKind } from '../../domain/vocabulary.ts';
import { newId } from '../../domain/ids.ts';
import type { AuditActor } from '../audit/record-audit.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import type { WriteContext } from '../changes/write-context.ts';
import { recordChange } from '../changes/record-change.ts';
import { DEMO_AGENCIES, DEMO_MARAC_AREAS, DEMO_USERS } from './demo-directory.ts';

/** A seeded agency with its database ids. */
export interface SeededAgency {
  id: string;
  code: string;
  name: string;
  kind: AgencyKind;
  /** Team name → id, in the order of the demo directory. */
  teamIds: Map<string, string>;
}

/** The seeded directory: agencies in demo order, and every demo user as a signed-in user. */
export interface SeededDirectory {
  agencies: SeededAgency[];
  users: AuthUser[];
  /** Team id → ids of its members. */
  usersByTeam: Map<string, string[]>;
}

/** The write context of a demo user acting at `now` (no device or address: the seed is not a request). */
export function actAs(user: AuthUser, now: Date): WriteContext {
  return { user, actor: auditActorOf(user), now };
}

/** The audit actor of a demo user writing through the seed. */
export function auditActorOf(user: AuthUser): AuditActor {
  return { userId: user.id, agencyId: user.agencyId, teamId: user.teamIds[0] ?? null, deviceId: null, ip: null };
}

/** Inserts the directory; each agency takes a change-log position as any other record does. */
export async function insertDirectory(trx: Transaction<ServerDatabase>, createdAt: string, hashes: readonly string[]): Promise<SeededDirectory> {
  const agencies: SeededAgency[] = [];
  for (const agency of DEMO_AGENCIES) {
    const id = newId();
    await trx.insertInto('agencies').values({
      id, name: agency.name, kind: agency.kind, code: agency.code, created_at: createdAt,
      seq: await recordChange(trx, { entity: 'agency', entityId: id, op: 'upsert', at: createdAt }),
    }).execute();
    const teamIds = new Map<string, string>();
    for (const team of agency.teams) {
      const teamId = newId();
      await trx.insertInto('teams').values({ id: teamId, agency_id: id, name: team }).execute();
      teamIds.set(team, teamId);
    }
    agencies.push({ id, code: agency.code, name: agency.name, kind: agency.kind, teamIds });
  }
  const users: AuthUser[] = [];
  const usersByTeam = new Map<string, string[]>();
  for (const [index, user] of DEMO_USERS.entries()) {
    const agency = agencies.find((a) => a.code === user.agencyCode);
    if (!agency) {
      throw new Error(`Demo user ${user.username} names unknown agency ${user.agencyCode}.`);
    }
    const id = newId();
    await trx.insertInto('users').values({
      id, agency_id: agency.id, username: user.username, display_name: user.displayName, role: user.role,
      password_hash: hashes[index]!, disabled: 0, created_at: createdAt,
    }).execute();
    const teamIds: string[] = [];
    for (const team of user.teams) {
      const teamId = agency.teamIds.get(team);
      if (!teamId) {
        throw new Error(`Demo user ${user.username} names unknown team ${team}.`);
      }
      await trx.insertInto('user_teams').values({ user_id: id, team_id: teamId }).execute();
      usersByTeam.set(teamId, [...(usersByTeam.get(teamId) ?? []), id]);
      teamIds.push(teamId);
    }
    users.push({ id, username: user.username, displayName: user.displayName, role: user.role, agencyId: agency.id, agencyName: agency.name, teamIds });
  }
  for (const area of DEMO_MARAC_AREAS) {
    const coordinator = agencies.find((a) => a.code === area.coordinatorAgencyCode);
    if (!coordinator) {
      throw new Error(`Demo MARAC area ${area.name} names unknown agency ${area.coordinatorAgencyCode}.`);
    }
    await trx.insertInto('marac_areas').values({ id: newId(), name: area.name, coordinator_agency_id: coordinator.id, created_at: createdAt }).execute();
  }
  return { agencies, users, usersByTeam };
}
