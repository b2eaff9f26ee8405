/** Test data builders with overrides, writing through the same tables and change counter as the app. */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { newId } from '../../domain/ids.ts';
import type { AgencyKind, CaseType, Role, SharingLevel } from '../../domain/vocabulary.ts';
import { refreshCaseAudience } from '../../server/access/case-audience.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { recordChange } from '../../server/changes/record-change.ts';

type Db = Kysely<ServerDatabase>;
const NOW = '2026-11-01T09:00:00.000Z';
let counter = 0;

/** Inserts an agency. */
export async function buildAgency(db: Db, overrides: Partial<{ name: string; kind: AgencyKind; code: string }> = {}): Promise<string> {
  const id = newId();
  counter += 1;
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('agencies').values({
      id, name: overrides.name ?? `Agency ${counter}`, kind: overrides.kind ?? 'council',
      code: overrides.code ?? `AG${counter}`, created_at: NOW,
      seq: await recordChange(trx, { entity: 'agency', entityId: id, op: 'upsert', at: NOW }),
    }).execute();
  });
  return id;
}

/** Inserts a team of an agency. */
export async function buildTeam(db: Db, agencyId: string, name = 'Team'): Promise<string> {
  const id = newId();
  await db.insertInto('teams').values({ id, agency_id: agencyId, name }).execute();
  return id;
}

const hashes = new Map<string, Promise<string>>();

/** Inserts a user (password hashed with argon2id, cached per password to keep tests quick). */
export async function buildUser(
  db: Db,
  overrides: { agencyId: string; username?: string; password?: string; role?: Role; teamIds?: string[] },
): Promise<{ id: string; username: string; password: string }> {
  counter += 1;
  const id = newId();
  const username = overrides.username ?? `user${counter}`;
  const password = overrides.password ?? 'correct horse battery staple';
  if (!hashes.has(password)) {
    hashes.set(password, hashPassword(password));
  }
  await db.insertInto('users').values({
    id, agency_id: overrides.agencyId, username, display_name: `User ${counter}`, role: overrides.role ?? 'practitioner',
    password_hash: await hashes.get(password)!, disabled: 0, created_at: NOW,
  }).execute();
  for (const teamId of overrides.teamIds ?? []) {
    await db.insertInto('user_teams').values({ user_id: id, team_id: teamId }).execute();
  }
  return { id, username, password };
}

/** Inserts a case with its named shares (agencies, teams, users) and its audience rows. */
export async function buildCase(
  db: Db,
  overrides: {
    ownerAgencyId: string; title?: string; caseType?: CaseType; sharingLevel?: SharingLevel;
    sharedAgencyIds?: string[]; sharedTeamIds?: string[]; sharedUserIds?: string[]; ownerTeamId?: string | null; ownerUserId?: string | null;
    /** False on a schema older than the audience rows (migration 0027), as migration tests build. */
    audience?: boolean;
  },
): Promise<{ id: string; title: string; reference: string }> {
  counter += 1;
  const id = newId();
  const title = overrides.title ?? `Synthetic case ${counter}`;
  const reference = `TST-2026-${String(counter).padStart(6, '0')}-${id.slice(0, 4)}`;
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('cases').values({
      id, reference, title, case_type: overrides.caseType ?? 'asb', status: 'open', closure_reason: null,
      risk_level: 'medium', review_date: null, owner_agency_id: overrides.ownerAgencyId,
      owner_team_id: overrides.ownerTeamId ?? null, owner_user_id: overrides.ownerUserId ?? null,
      sharing_level: overrides.sharingLevel ?? 'owner_agency', created_at: NOW, updated_at: NOW, version: 1,
      seq: await recordChange(trx, { entity: 'case', entityId: id, op: 'upsert', caseId: id, at: NOW }),
    }).execute();
    for (const agencyId of overrides.sharedAgencyIds ?? []) {
      await trx.insertInto('case_shared_agencies').values({ case_id: id, agency_id: agencyId }).execute();
    }
    for (const teamId of overrides.sharedTeamIds ?? []) {
      await trx.insertInto('case_shared_teams').values({ case_id: id, team_id: teamId }).execute();
    }
    for (const userId of overrides.sharedUserIds ?? []) {
      await trx.insertInto('case_shared_users').values({ case_id: id, user_id: userId }).execute();
    }
    // Straight into the tables, so the list's audience rows come from the production function.
    if (overrides.audience !== false) {
      await refreshCaseAudience(trx, [id]);
    }
  });
  return { id, title, reference };
}
