/**
 * Loads the demo directory and synthetic cases into an empty database, in one transaction, each
 * row taking its own change-log position so desktops sync it like any other change.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { newId } from '../../domain/ids.ts';
import { hashPassword } from '../auth/passwords.ts';
import { recordChange } from '../changes/record-change.ts';
import { DEMO_AGENCIES, DEMO_USERS } from './demo-directory.ts';
import { seededRandom } from './seeded-random.ts';
import { syntheticCase } from './synthetic-cases.ts';

/** How much was loaded. */
export interface SeedSummary {
  agencies: number;
  users: number;
  cases: number;
  sharedCases: number;
}

const DAY_MS = 86_400_000;
const CLOSURE_REASONS = ['Resolved', 'Moved out of area', 'Risk reduced', 'No further action'] as const;

/** True when no agency exists yet, which is when `npm start` loads the demo data. */
export async function isDatabaseEmpty(db: Kysely<ServerDatabase>): Promise<boolean> {
  const row = await db.selectFrom('agencies').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Seeds the demo data; `seed` fixes the synthetic cases, `now` the dates they are spread over. */
export async function seedDemoData(
  db: Kysely<ServerDatabase>,
  options: { cases: number; seed?: number; now?: Date },
): Promise<SeedSummary> {
  const random = seededRandom(options.seed ?? 20261125);
  const now = (options.now ?? new Date()).getTime();
  const hashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(u.password)));
  return db.transaction().execute(async (trx) => {
    const directory = await insertDirectory(trx, new Date(now).toISOString(), hashes);
    let sharedCases = 0;
    const agencies = DEMO_AGENCIES.map((a) => ({ ...a, ...directory.agencies.get(a.code)! }));
    for (let i = 0; i < options.cases; i += 1) {
      const owner = agencies[i % agencies.length]!;
      const invented = syntheticCase(random, owner.kind);
      const created = new Date(now - invented.daysAgo * DAY_MS);
      const lastActivity = created.getTime() + random.int(0, 30) * DAY_MS + random.int(0, 600) * 60_000;
      const updated = new Date(Math.min(now - random.int(5, 600) * 60_000, lastActivity));
      const teamId = random.pick([...owner.teamIds.values()]);
      const teamUsers = directory.usersByTeam.get(teamId) ?? [];
      const id = newId();
      await trx.insertInto('cases').values({
        id,
        reference: `${owner.code}-${created.getUTCFullYear()}-${String(i + 1).padStart(5, '0')}`,
        title: invented.title,
        case_type: invented.caseType,
        status: invented.open ? 'open' : 'closed',
        closure_reason: invented.open ? null : random.pick(CLOSURE_REASONS),
        risk_level: invented.riskLevel,
        review_date: invented.open ? new Date(now + random.int(1, 60) * DAY_MS).toISOString().slice(0, 10) : null,
        owner_agency_id: owner.id,
        owner_team_id: teamId,
        owner_user_id: teamUsers.length > 0 ? random.pick(teamUsers) : null,
        sharing_level: invented.sharingLevel,
        created_at: new Date(Math.min(created.getTime(), updated.getTime())).toISOString(),
        updated_at: updated.toISOString(),
        version: 1,
        seq: await recordChange(trx, { entity: 'case', entityId: id, op: 'upsert', caseId: id, at: new Date(now).toISOString() }),
      }).execute();
      if (invented.sharingLevel === 'shared') {
        sharedCases += 1;
        const partners = agencies.filter((a) => a.id !== owner.id && random.chance(0.4));
        const chosen = partners.length > 0 ? partners : [random.pick(agencies.filter((a) => a.id !== owner.id))];
        for (const partner of chosen) {
          await trx.insertInto('case_shared_agencies').values({ case_id: id, agency_id: partner.id }).execute();
        }
      }
    }
    return { agencies: DEMO_AGENCIES.length, users: DEMO_USERS.length, cases: options.cases, sharedCases };
  });
}

interface Directory {
  agencies: Map<string, { id: string; teamIds: Map<string, string> }>;
  usersByTeam: Map<string, string[]>;
}

async function insertDirectory(trx: Transaction<ServerDatabase>, createdAt: string, hashes: string[]): Promise<Directory> {
  const agencies: Directory['agencies'] = new Map();
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
    agencies.set(agency.code, { id, teamIds });
  }
  const usersByTeam: Directory['usersByTeam'] = new Map();
  for (const [index, user] of DEMO_USERS.entries()) {
    const agency = agencies.get(user.agencyCode);
    if (!agency) {
      throw new Error(`Demo user ${user.username} names unknown agency ${user.agencyCode}.`);
    }
    const id = newId();
    await trx.insertInto('users').values({
      id, agency_id: agency.id, username: user.username, display_name: user.displayName, role: user.role,
      password_hash: hashes[index]!, disabled: 0, created_at: createdAt,
    }).execute();
    for (const team of user.teams) {
      const teamId = agency.teamIds.get(team);
      if (!teamId) {
        throw new Error(`Demo user ${user.username} names unknown team ${team}.`);
      }
      await trx.insertInto('user_teams').values({ user_id: id, team_id: teamId }).execute();
      usersByTeam.set(teamId, [...(usersByTeam.get(teamId) ?? []), id]);
    }
  }
  return { agencies, usersByTeam };
}
