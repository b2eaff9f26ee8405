/**
 * Loads the demo world into an empty database: the directory, synthetic cases, and on them
 * invented people, locations, reports, tasks and warnings — written in one transaction through the
 * same services the routes use, so the change log and the audit trail are as in production — then
 * a few small documents through the real upload path. Everything follows from the seed number.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { newId } from '../../domain/ids.ts';
import { can, canSeeCase, type PolicyCase } from '../../domain/policy/case-policy.ts';
import { readsCases } from '../../domain/policy/policy-user.ts';
import { refreshCaseAudience } from '../access/case-audience.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { hashPassword } from '../auth/passwords.ts';
import { recordChange } from '../changes/record-change.ts';
import { DEMO_AGENCIES, DEMO_USERS } from './demo-directory.ts';
import { planCaseDocument, seedCaseLocations, seedCaseMarkers, seedCaseReports, seedCaseTasks } from './seed-case-activity.ts';
import { planMainPerson, seedCasePeople, type MainPersonPlan } from './seed-case-people.ts';
import { insertDirectory } from './seed-directory.ts';
import { uploadPlannedDocuments } from './seed-documents.ts';
import type { SeedTarget } from './seed-target.ts';
import { DAY_MS, fullName, type World, type WorldCase } from './seed-world.ts';
import { seededRandom } from './seeded-random.ts';
import { caseTypeFor, syntheticCase } from './synthetic-cases.ts';
import { inventStreet, TOWNS } from './synthetic-places.ts';

/** How much was loaded. */
export interface SeedSummary {
  agencies: number;
  users: number;
  cases: number;
  sharedCases: number;
  persons: number;
  reports: number;
  tasks: number;
  markers: number;
  documents: number;
}

/** The seed number `npm start` and `npm run seed` use unless told otherwise. */
export const DEFAULT_SEED = 20261125;
const CLOSURE_REASONS = ['Resolved', 'Moved out of area', 'Risk reduced', 'No further action'] as const;

/** True when no agency exists yet, which is when `npm start` loads the demo data. */
export async function isDatabaseEmpty(db: Kysely<ServerDatabase>): Promise<boolean> {
  const row = await db.selectFrom('agencies').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Seeds the demo world; `seed` fixes every choice, `now` the dates it is spread over (all at or before it). */
export async function seedDemoData(target: SeedTarget, options: { cases: number; seed?: number; now?: Date }): Promise<SeedSummary> {
  const now = (options.now ?? new Date()).getTime();
  const hashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(u.password)));
  const counts = { sharedCases: 0, reports: 0, tasks: 0, markers: 0 };
  const world = await target.db.transaction().execute(async (trx) => {
    const directory = await insertDirectory(trx, new Date(now).toISOString(), hashes);
    const w: World = { target, random: seededRandom(options.seed ?? DEFAULT_SEED), now, directory, persons: [], hotspots: new Map(), documents: [] };
    for (let i = 0; i < options.cases; i += 1) {
      const { c, plan } = await insertCase(trx, w, i);
      counts.sharedCases += c.policy.sharingLevel === 'shared' ? 1 : 0;
      const people = await seedCasePeople(trx, w, c, plan);
      await seedCaseLocations(trx, w, c);
      counts.reports += await seedCaseReports(trx, w, c);
      counts.tasks += await seedCaseTasks(trx, w, c);
      counts.markers += await seedCaseMarkers(trx, w, c, people);
      planCaseDocument(w, c);
    }
    return w;
  });
  const documents = await uploadPlannedDocuments(target, world.documents);
  return { agencies: DEMO_AGENCIES.length, users: DEMO_USERS.length, cases: options.cases, persons: world.persons.length, documents, ...counts };
}

/**
 * Inserts case `index` (owner agencies in turn, teams that have members, so someone can work it)
 * and decides who it is about first, so the title names them.
 */
async function insertCase(trx: Transaction<ServerDatabase>, w: World, index: number): Promise<{ c: WorldCase; plan: MainPersonPlan }> {
  const random = w.random;
  const owner = w.directory.agencies[index % w.directory.agencies.length]!;
  const caseType = caseTypeFor(random, owner.kind);
  const plan = planMainPerson(w, index, owner.id, caseType);
  const town = random.pick(TOWNS);
  const street = `${random.int(1, 180)} ${inventStreet(random)}`;
  const invented = syntheticCase(random, caseType, { name: fullName(plan.name), street, town });
  const created = new Date(w.now - invented.daysAgo * DAY_MS - random.int(60, 600) * 60_000);
  const lastActivity = created.getTime() + random.int(0, 30) * DAY_MS + random.int(0, 600) * 60_000;
  const updated = new Date(Math.min(w.now - random.int(5, 600) * 60_000, lastActivity));
  const staffed = [...owner.teamIds.values()].filter((t) => (w.directory.usersByTeam.get(t) ?? []).length > 0);
  const teamId = random.pick(staffed);
  const ownerUserId = random.pick(w.directory.usersByTeam.get(teamId)!);
  const id = newId();
  const reference = `${owner.code}-${created.getUTCFullYear()}-${String(index + 1).padStart(5, '0')}`;
  const at = new Date(w.now).toISOString();
  await trx.insertInto('cases').values({
    id, reference, title: invented.title, case_type: invented.caseType,
    status: invented.open ? 'open' : 'closed',
    closure_reason: invented.open ? null : random.pick(CLOSURE_REASONS),
    risk_level: invented.riskLevel,
    review_date: invented.open ? new Date(w.now + random.int(1, 60) * DAY_MS).toISOString().slice(0, 10) : null,
    owner_agency_id: owner.id, owner_team_id: teamId, owner_user_id: ownerUserId,
    sharing_level: invented.sharingLevel, hidden_from_search: invented.hiddenFromSearch ? 1 : 0, created_by: ownerUserId,
    created_at: new Date(Math.min(created.getTime(), updated.getTime())).toISOString(),
    updated_at: updated.toISOString(),
    closed_at: invented.open ? null : updated.toISOString(),
    version: 1,
    seq: await recordChange(trx, { entity: 'case', entityId: id, op: 'upsert', caseId: id, at }),
  }).execute();
  const sharedAgencyIds: string[] = [];
  if (invented.sharingLevel === 'shared') {
    const others = w.directory.agencies.filter((a) => a.id !== owner.id);
    const partners = others.filter(() => random.chance(0.4));
    for (const partner of partners.length > 0 ? partners : [random.pick(others)]) {
      await trx.insertInto('case_shared_agencies').values({ case_id: id, agency_id: partner.id }).execute();
      sharedAgencyIds.push(partner.id);
    }
  }
  const sharedTeamIds: string[] = [];
  if (invented.sharingLevel === 'shared' && random.chance(0.25)) {
    // Also shared with one named team of an agency that is not a partner as a whole (e.g. a specialist unit).
    const teams = w.directory.agencies.filter((a) => a.id !== owner.id && !sharedAgencyIds.includes(a.id)).flatMap((a) => [...a.teamIds.values()]);
    if (teams.length > 0) {
      const team = random.pick(teams);
      await trx.insertInto('case_shared_teams').values({ case_id: id, team_id: team }).execute();
      sharedTeamIds.push(team);
    }
  }
  await refreshCaseAudience(trx, [id]);
  const policy: PolicyCase = { ownerAgencyId: owner.id, ownerTeamId: teamId, ownerUserId, sharingLevel: invented.sharingLevel, sharedAgencyIds, sharedTeamIds };
  const users = w.directory.users;
  const actor: AuthUser = users.find((u) => u.id === ownerUserId && can(u, 'update', policy)) ?? users.find((u) => can(u, 'update', policy))!;
  const partners = users.filter((u) => u.agencyId !== owner.id && readsCases(u) && canSeeCase(u, policy));
  const c: WorldCase = {
    id, index, reference, caseType, open: invented.open, hiddenFromSearch: invented.hiddenFromSearch, createdAt: created.getTime(),
    owner, policy, actor, partners, main: plan.name, town, street,
  };
  return { c, plan };
}
