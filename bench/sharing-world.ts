/**
 * The server benchmark's world: 10 agencies of 3 teams and 6 users, and `total` cases whose sharing
 * is spread the way a real deployment's is — agency-wide, team-only and owner-only cases, cases
 * shared by name with agencies, teams and users, access grants in force and lapsed, and cases
 * hidden from search. The benchmark user (agency 0, teams 0 and 1, practitioner) sees about 10 %.
 *
 * Which bucket a case falls in comes from a hash of its number, not its position, so every page of
 * the list (newest first) and every span of the change log holds the same mix.
 */
import type { Insertable, Kysely } from 'kysely';
import type { CaseTable, ServerDatabase } from '../db/server/schema.ts';
import { CASE_TYPES, RISK_LEVELS } from '../domain/vocabulary.ts';
import { newId } from '../domain/ids.ts';
import { refreshCaseAudience } from '../server/access/case-audience.ts';

const T = '2026-01-01T09:00:00.000Z';
const BATCH = 500;
const AGENCIES = 10;
const TEAMS_PER_AGENCY = 3;
const USERS_PER_AGENCY = 6;
const FAR_FUTURE = '2099-01-01T00:00:00.000Z';
const LONG_AGO = '2020-01-01T00:00:00.000Z';

/** Per mille of all cases, in order; `visible` says whether the benchmark user sees the bucket. */
const BUCKETS = [
  // Owned by the user's agency (8.5 %).
  { name: 'own agency-wide', perMille: 45, visible: true },
  { name: 'own team-only, the user\'s team', perMille: 10, visible: true },
  { name: 'own team-only, another team', perMille: 10, visible: false },
  { name: 'own owner-only, the user\'s', perMille: 5, visible: true },
  { name: 'own owner-only, a colleague\'s', perMille: 5, visible: false },
  { name: 'own, shared with two partners', perMille: 10, visible: true },
  // Owned by partner agencies.
  { name: 'shared with the user\'s agency', perMille: 15, visible: true },
  { name: 'shared with the user\'s team', perMille: 7, visible: true },
  { name: 'shared with the user by name', perMille: 5, visible: true },
  { name: 'access grant in force', perMille: 3, visible: true },
  { name: 'access grant expired or revoked', perMille: 1, visible: false },
  { name: 'shared with others only', perMille: 50, visible: false },
  { name: 'partner agency-wide, team- or owner-only', perMille: 834, visible: false },
] as const;

/** What the benchmark needs to know about the world it loaded. */
export interface SharingWorld {
  userId: string;
  deviceId: string;
  total: number;
  /** How many cases the user should see, counted while loading. */
  visible: number;
  /** Cases per bucket, for the report. */
  buckets: Record<string, number>;
}

interface Directory {
  agencies: string[];
  teams: string[][];
  users: string[][];
  /** users[a][k] is in teams[a][k % 3]; the benchmark user (users[0][0]) is also in teams[0][1]. */
}

function hash(n: number, salt: number): number {
  return Math.imul(n + salt, 2654435761) >>> 0;
}

function bucketOf(n: number): (typeof BUCKETS)[number] {
  let at = hash(n, 1) % 1000;
  for (const b of BUCKETS) {
    if (at < b.perMille) {
      return b;
    }
    at -= b.perMille;
  }
  return BUCKETS.at(-1)!;
}

type CaseRow = Insertable<CaseTable> & { id: string; seq: number };

/** Loads the world into an empty, migrated database. */
export async function loadSharingWorld(db: Kysely<ServerDatabase>, total: number): Promise<SharingWorld> {
  const dir: Directory = { agencies: [], teams: [], users: [] };
  const deviceId = newId();
  await db.transaction().execute(async (trx) => {
    for (let a = 0; a < AGENCIES; a += 1) {
      const agencyId = newId();
      dir.agencies.push(agencyId);
      await trx.insertInto('agencies').values({ id: agencyId, name: `Bench agency ${a}`, kind: 'council', code: `BN${a}`, created_at: T, seq: 0 }).execute();
      const teams = Array.from({ length: TEAMS_PER_AGENCY }, () => newId());
      dir.teams.push(teams);
      await trx.insertInto('teams').values(teams.map((id, t) => ({ id, agency_id: agencyId, name: `Team ${a}.${t}` }))).execute();
      const users = Array.from({ length: USERS_PER_AGENCY }, () => newId());
      dir.users.push(users);
      await trx.insertInto('users').values(users.map((id, u) => ({
        id, agency_id: agencyId, username: `bench${a}_${u}`, display_name: `Bench ${a}.${u}`, role: 'practitioner', password_hash: 'unused', disabled: 0 as const, created_at: T,
      }))).execute();
      await trx.insertInto('user_teams').values(users.map((id, u) => ({ user_id: id, team_id: teams[u % TEAMS_PER_AGENCY]! }))).execute();
    }
    await trx.insertInto('user_teams').values({ user_id: dir.users[0]![0]!, team_id: dir.teams[0]![1]! }).execute();
    // A desktop's token is bound to its device, so every request also passes the device check.
    await trx.insertInto('devices').values({ id: deviceId, user_id: dir.users[0]![0]!, name: 'Bench laptop', registered_at: T, last_seen_at: null, revoked_at: null, last_pulled_at: null }).execute();
  });

  // Migrations log reference data (case types) first: the cases follow it in the change log.
  const base = Number((await db.selectFrom('change_seq').select('seq').where('id', '=', 1).executeTakeFirstOrThrow()).seq);
  const counts: Record<string, number> = Object.fromEntries(BUCKETS.map((b) => [b.name, 0]));
  let visible = 0;
  const start = Date.parse(T);
  for (let from = 0; from < total; from += BATCH) {
    const cases: CaseRow[] = [];
    const sharedAgencies: Array<{ case_id: string; agency_id: string }> = [];
    const sharedTeams: Array<{ case_id: string; team_id: string }> = [];
    const sharedUsers: Array<{ case_id: string; user_id: string }> = [];
    const grants: Array<{ caseId: string; ownerAgency: string; lapsed: 'expired' | 'revoked' | null }> = [];
    for (let n = from; n < Math.min(total, from + BATCH); n += 1) {
      const bucket = bucketOf(n);
      counts[bucket.name] = (counts[bucket.name] ?? 0) + 1;
      visible += bucket.visible ? 1 : 0;
      const id = newId();
      const c = placeCase(n, bucket.name, dir);
      const partner = 1 + (hash(n, 5) % (AGENCIES - 1));
      const other = 1 + ((partner + hash(n, 6) % (AGENCIES - 2)) % (AGENCIES - 1));
      for (const a of c.sharedAgencies) {
        sharedAgencies.push({ case_id: id, agency_id: dir.agencies[a === 'partner' ? partner : a === 'other' ? other : 0]! });
      }
      for (const t of c.sharedTeams) {
        sharedTeams.push({ case_id: id, team_id: t });
      }
      for (const u of c.sharedUsers) {
        sharedUsers.push({ case_id: id, user_id: u });
      }
      if (c.grant !== undefined) {
        grants.push({ caseId: id, ownerAgency: dir.agencies[c.ownerAgency]!, lapsed: c.grant });
      }
      cases.push({
        id, reference: `BN-${n}`, title: `Benchmark case ${n}`, case_type: CASE_TYPES[hash(n, 7) % CASE_TYPES.length]!,
        status: hash(n, 8) % 10 === 0 ? 'closed' : 'open', closure_reason: null, risk_level: RISK_LEVELS[hash(n, 9) % RISK_LEVELS.length]!,
        review_date: null, owner_agency_id: dir.agencies[c.ownerAgency]!, owner_team_id: c.ownerTeam, owner_user_id: c.ownerUser,
        sharing_level: c.level, created_at: T,
        // Unique, increasing with n: the list's first page is the newest cases, spread over a year.
        updated_at: new Date(start + n * 300_000).toISOString(),
        version: 1, seq: base + n + 1, hidden_from_search: hash(n, 10) % 100 < 3 ? 1 : 0, created_by: c.ownerUser,
      });
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('cases').values(cases).execute();
      await trx.insertInto('change_log').values(cases.map((r) => ({ seq: r.seq, entity: 'case', entity_id: r.id, op: 'upsert', case_id: r.id, at: T }))).execute();
      if (sharedAgencies.length > 0) {
        await trx.insertInto('case_shared_agencies').values(sharedAgencies).execute();
      }
      if (sharedTeams.length > 0) {
        await trx.insertInto('case_shared_teams').values(sharedTeams).execute();
      }
      if (sharedUsers.length > 0) {
        await trx.insertInto('case_shared_users').values(sharedUsers).execute();
      }
      for (const g of grants) {
        const requestId = newId();
        await trx.insertInto('access_requests').values({
          id: requestId, resource_type: 'case', resource_id: g.caseId, owner_agency_id: g.ownerAgency, requester_user_id: dir.users[0]![0]!,
          requester_agency_id: dir.agencies[0]!, reason: 'Benchmark', status: 'approved', decided_by: null, decided_at: T, decision_note: null,
          grant_expires_at: g.lapsed === 'expired' ? LONG_AGO : FAR_FUTURE, created_at: T, version: 1,
        }).execute();
        await trx.insertInto('access_grants').values({
          id: newId(), request_id: requestId, resource_type: 'case', resource_id: g.caseId, user_id: dir.users[0]![0]!,
          expires_at: g.lapsed === 'expired' ? LONG_AGO : FAR_FUTURE, revoked_at: g.lapsed === 'revoked' ? T : null,
          // Already noted, so the expiry sweep writes nothing during the run.
          expiry_recorded_at: g.lapsed === 'expired' ? T : null,
        }).execute();
      }
      // The list's audience rows (sharing and grants), by the production function every write calls.
      await refreshCaseAudience(trx, cases.map((c) => c.id));
    });
  }
  await db.updateTable('change_seq').set({ seq: base + total }).where('id', '=', 1).execute();
  return { userId: dir.users[0]![0]!, deviceId, total, visible, buckets: counts };
}

interface Placement {
  ownerAgency: number;
  ownerTeam: string | null;
  ownerUser: string | null;
  level: 'owner_only' | 'owner_team' | 'owner_agency' | 'shared';
  sharedAgencies: Array<'user-agency' | 'partner' | 'other'>;
  sharedTeams: string[];
  sharedUsers: string[];
  grant?: 'expired' | 'revoked' | null;
}

/** Where case n sits: owner, sharing level and named grantees for its bucket. */
function placeCase(n: number, bucket: (typeof BUCKETS)[number]['name'], dir: Directory): Placement {
  const me = dir.users[0]![0]!;
  // A colleague in agency 0 who is in neither of the user's teams (users 2 and 5 are in team 2).
  const colleagueInTeam2 = dir.users[0]![n % 2 === 0 ? 2 : 5]!;
  const partner = 1 + (hash(n, 11) % (AGENCIES - 1));
  const partnerUser = hash(n, 12) % USERS_PER_AGENCY;
  const partnerOwner = { ownerAgency: partner, ownerTeam: dir.teams[partner]![partnerUser % TEAMS_PER_AGENCY]!, ownerUser: dir.users[partner]![partnerUser]! };
  const none = { sharedAgencies: [], sharedTeams: [], sharedUsers: [] };
  switch (bucket) {
    case 'own agency-wide':
      return { ownerAgency: 0, ownerTeam: dir.teams[0]![2]!, ownerUser: colleagueInTeam2, level: 'owner_agency', ...none };
    case 'own team-only, the user\'s team':
      return { ownerAgency: 0, ownerTeam: dir.teams[0]![n % 2]!, ownerUser: dir.users[0]![n % 2 === 0 ? 3 : 4]!, level: 'owner_team', ...none };
    case 'own team-only, another team':
      return { ownerAgency: 0, ownerTeam: dir.teams[0]![2]!, ownerUser: colleagueInTeam2, level: 'owner_team', ...none };
    case 'own owner-only, the user\'s':
      return { ownerAgency: 0, ownerTeam: dir.teams[0]![0]!, ownerUser: me, level: 'owner_only', ...none };
    case 'own owner-only, a colleague\'s':
      return { ownerAgency: 0, ownerTeam: dir.teams[0]![0]!, ownerUser: dir.users[0]![3]!, level: 'owner_only', ...none };
    case 'own, shared with two partners':
      return { ownerAgency: 0, ownerTeam: dir.teams[0]![2]!, ownerUser: colleagueInTeam2, level: 'shared', ...none, sharedAgencies: ['partner', 'other'] };
    case 'shared with the user\'s agency':
      return { ...partnerOwner, level: 'shared', ...none, sharedAgencies: ['user-agency', 'other'] };
    case 'shared with the user\'s team':
      return { ...partnerOwner, level: 'shared', ...none, sharedTeams: [dir.teams[0]![n % 2]!] };
    case 'shared with the user by name':
      return { ...partnerOwner, level: 'shared', ...none, sharedUsers: [me, dir.users[0]![3]!] };
    case 'access grant in force':
      return { ...partnerOwner, level: 'owner_agency', ...none, grant: null };
    case 'access grant expired or revoked':
      return { ...partnerOwner, level: 'owner_agency', ...none, grant: n % 2 === 0 ? 'expired' : 'revoked' };
    case 'shared with others only': {
      // Named grantees that are never the user: a partner agency, a team of it and a user of it (or agency 0's team 2).
      const otherTeam = hash(n, 13) % 4 === 0 ? dir.teams[0]![2]! : dir.teams[partner]![(partnerUser + 1) % TEAMS_PER_AGENCY]!;
      return { ...partnerOwner, level: 'shared', sharedAgencies: ['other'], sharedTeams: [otherTeam], sharedUsers: [dir.users[partner]![(partnerUser + 1) % USERS_PER_AGENCY]!] };
    }
    default: {
      const roll = hash(n, 14) % 10;
      return { ...partnerOwner, level: roll < 7 ? 'owner_agency' : roll < 9 ? 'owner_team' : 'owner_only', ...none };
    }
  }
}
