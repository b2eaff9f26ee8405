/**
 * Random change histories over an access world, applied through the real services (sharing,
 * transfer, subjects, markers, tasks, the grant-expiry sweep), each mirrored in the world model so
 * the pure policy can say who may see what after every step.
 */
import fc from 'fast-check';
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { SHARING_LEVELS, SUBJECT_ROLES, type SharingLevel, type SubjectRole } from '../../domain/vocabulary.ts';
import { sweepExpiredGrants } from '../../server/access-requests/expire-grants.ts';
import { addCaseLocation, addCaseSubject, removeCaseSubject } from '../../server/cases/case-parts-service.ts';
import { shareCase, transferCase } from '../../server/cases/case-sharing-service.ts';
import type { WriteContext } from '../../server/changes/write-context.ts';
import { withWrite } from '../../server/db/write.ts';
import { createMarker } from '../../server/markers/marker-service.ts';
import type { ServerContext } from '../../server/context/server-context.ts';
import { createTask } from '../../server/tasks/task-service.ts';
import { WORLD_AT, type AccessWorld, type WorldGrant, type WorldShares } from './access-world.ts';
import type { WorldIds } from './access-world-db.ts';

/** One step of a history; indexes wrap around the world's lists. */
export type HistoryStep =
  | { kind: 'share'; case: number; level: SharingLevel; shares: WorldShares; hidden: boolean }
  | { kind: 'transfer'; case: number; agency: number; team: number }
  | { kind: 'attach'; case: number; person: number; role: SubjectRole }
  | { kind: 'detach'; case: number; person: number }
  | { kind: 'link'; case: number; location: number }
  | { kind: 'marker'; subject: 'case' | 'person' | 'location'; index: number; staffSafety: boolean }
  | { kind: 'task'; case: number; assignee: number; team: boolean; user: boolean }
  | { kind: 'expire'; grant: number }
  | { kind: 'pull'; user: number; limit: number };

const n = fc.nat({ max: 7 });
const some = fc.uniqueArray(n, { maxLength: 3 });

/** The arbitrary of histories (indexes are taken modulo the world's list sizes). */
export const historyArb: fc.Arbitrary<HistoryStep[]> = fc.array(fc.oneof(
  fc.record({ kind: fc.constant('share' as const), case: n, level: fc.constantFrom(...SHARING_LEVELS), shares: fc.record({ agencies: some, teams: some, users: some }), hidden: fc.boolean() }),
  fc.record({ kind: fc.constant('transfer' as const), case: n, agency: n, team: n }),
  fc.record({ kind: fc.constant('attach' as const), case: n, person: n, role: fc.constantFrom(...SUBJECT_ROLES.slice(0, 2)) }),
  fc.record({ kind: fc.constant('detach' as const), case: n, person: n }),
  fc.record({ kind: fc.constant('link' as const), case: n, location: n }),
  fc.record({ kind: fc.constant('marker' as const), subject: fc.constantFrom('case' as const, 'person' as const, 'location' as const), index: n, staffSafety: fc.boolean() }),
  fc.record({ kind: fc.constant('task' as const), case: n, assignee: n, team: fc.boolean(), user: fc.boolean() }),
  fc.record({ kind: fc.constant('expire' as const), grant: n }),
  fc.record({ kind: fc.constant('pull' as const), user: n, limit: fc.integer({ min: 1, max: 6 }) }),
), { maxLength: 12 });

/** The world model plus what the steps added, and the case subjects the services hold. */
export interface HistoryModel {
  world: AccessWorld;
  ids: WorldIds;
  /** Per world agency, a team-manager account that acts for the owner side in the services. */
  operators: string[];
  /** `profileOnly`: attached by someone who saw only a stub (the link reveals the minimal profile). */
  subjects: Array<{ case: number; person: number; role: SubjectRole; profileOnly: boolean }>;
}

const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);

/** Every grant of the world, with the record it is on. */
export function worldGrants(w: AccessWorld): Array<{ grant: WorldGrant; type: 'case' | 'person'; index: number }> {
  return [
    ...w.cases.flatMap((c, index) => c.grants.map((grant) => ({ grant, type: 'case' as const, index }))),
    ...w.persons.flatMap((p, index) => p.grants.map((grant) => ({ grant, type: 'person' as const, index }))),
  ];
}

/** Adds the operators and the sweep's record of grants that lapsed before the history starts. */
export async function prepareModel(trx: Transaction<ServerDatabase>, world: AccessWorld, ids: WorldIds): Promise<HistoryModel> {
  const operators: string[] = [];
  for (const agencyId of ids.agencies) {
    const id = newId();
    operators.push(id);
    await trx.insertInto('users').values({
      id, agency_id: agencyId, username: `op${id}`, display_name: 'Operator', role: 'team_manager', password_hash: 'x', disabled: 0, created_at: WORLD_AT,
    }).execute();
  }
  await trx.updateTable('access_grants').set({ expiry_recorded_at: WORLD_AT }).where('expires_at', '<=', WORLD_AT).where('expiry_recorded_at', 'is', null).execute();
  const subjects = world.persons.flatMap((p, person) => p.cases.map((c) => ({ case: c, person, role: 'subject' as const, profileOnly: false })));
  return { world, ids, operators, subjects };
}

/** A write context for the owner side of a case: its owner user if any, else the agency's operator, managing the owner team. */
function ownerSide(m: HistoryModel, caseIndex: number): WriteContext {
  const c = m.world.cases[caseIndex]!;
  const user: PolicyUser = {
    id: c.user === null ? m.operators[c.agency]! : m.ids.users[c.user]!, agencyId: m.ids.agencies[c.agency]!,
    teamIds: c.team === null ? [] : [m.ids.teams[c.team]!], role: 'team_manager',
  };
  return { user, actor: { userId: user.id, agencyId: user.agencyId, ip: null }, now: new Date(WORLD_AT) };
}

function agencyOperator(m: HistoryModel, agency: number): WriteContext {
  const user: PolicyUser = { id: m.operators[agency]!, agencyId: m.ids.agencies[agency]!, teamIds: [], role: 'team_manager' };
  return { user, actor: { userId: user.id, agencyId: user.agencyId, ip: null }, now: new Date(WORLD_AT) };
}

async function caseVersion(trx: Transaction<ServerDatabase>, id: string): Promise<number> {
  return Number((await trx.selectFrom('cases').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version);
}

/**
 * Applies a step through the services and, when the service accepts it, to the model; a step the
 * services refuse (not allowed, conflict) changes neither. Returns whether it was applied.
 */
export async function applyStep(ctx: ServerContext, m: HistoryModel, step: HistoryStep): Promise<boolean> {
  const w = m.world;
  const c = w.cases.length === 0 ? 0 : ('case' in step ? step.case % w.cases.length : 0);
  const caseId = m.ids.cases[c]!;
  try {
    switch (step.kind) {
      case 'share': {
        const shared = step.level === 'shared';
        const agencies = shared ? step.shares.agencies.map((a) => a % w.agencies).filter((a) => a !== w.cases[c]!.agency) : [];
        const teams = shared ? step.shares.teams.map((t) => t % w.teams.length) : [];
        const users = shared ? step.shares.users.map((u) => u % w.users.length) : [];
        await withWrite(ctx, async (trx) => shareCase(trx, ownerSide(m, c), caseId, {
          sharingLevel: step.level, agencyIds: agencies.map((a) => m.ids.agencies[a]!), teamIds: teams.map((t) => m.ids.teams[t]!),
          userIds: users.map((u) => m.ids.users[u]!), hiddenFromSearch: step.hidden, expectedVersion: await caseVersion(trx, caseId),
        }));
        const unique = (xs: number[]) => [...new Set(xs)];
        Object.assign(w.cases[c]!, { level: step.level, hidden: step.hidden, shares: { agencies: unique(agencies), teams: unique(teams), users: unique(users) } });
        return true;
      }
      case 'transfer': {
        const agency = step.agency % w.agencies;
        const team = pick(w.teams.map((a, t) => ({ a, t })).filter((x) => x.a === agency), step.team)?.t ?? null;
        await withWrite(ctx, async (trx) => transferCase(trx, ownerSide(m, c), caseId, {
          toAgencyId: m.ids.agencies[agency]!, toTeamId: team === null ? null : m.ids.teams[team]!, expectedVersion: await caseVersion(trx, caseId),
        }));
        const model = w.cases[c]!;
        Object.assign(model, { agency, team, user: null, shares: { ...model.shares, agencies: model.shares.agencies.filter((a) => a !== agency) } });
        return true;
      }
      case 'attach': {
        if (w.persons.length === 0) {
          return false;
        }
        const person = step.person % w.persons.length;
        // With a reason, so an attach from a stub goes through too; the service decides whether the link is profile-only.
        const linkId = newId();
        await withWrite(ctx, (trx) => addCaseSubject(trx, ownerSide(m, c), caseId, m.ids.persons[person]!, step.role, 'Attached in a random sync history', linkId));
        const link = await ctx.db.selectFrom('case_subjects').select('profile_only').where('id', '=', linkId).executeTakeFirstOrThrow();
        const profileOnly = Number(link.profile_only) === 1;
        (profileOnly ? w.persons[person]!.attached : w.persons[person]!.cases).push(c);
        m.subjects.push({ case: c, person, role: step.role, profileOnly });
        return true;
      }
      case 'detach': {
        // Any subject the case holds now (the step's case index is not used: most pairs are not subjects).
        const found = m.subjects.length === 0 ? -1 : step.person % m.subjects.length;
        const subject = m.subjects[found];
        if (!subject) {
          return false;
        }
        await withWrite(ctx, (trx) => removeCaseSubject(trx, ownerSide(m, subject.case), m.ids.cases[subject.case]!, m.ids.persons[subject.person]!, subject.role));
        m.subjects.splice(found, 1);
        const cases = subject.profileOnly ? w.persons[subject.person]!.attached : w.persons[subject.person]!.cases;
        cases.splice(cases.indexOf(subject.case), 1);
        return true;
      }
      case 'link': {
        if (w.locations.length === 0) {
          return false;
        }
        const location = step.location % w.locations.length;
        await withWrite(ctx, (trx) => addCaseLocation(trx, ownerSide(m, c), caseId, m.ids.locations[location]!, 'Seen here'));
        w.locations[location]!.cases.push(c);
        return true;
      }
      case 'marker':
        return await placeMarker(ctx, m, step);
      case 'task': {
        const u = step.assignee % w.users.length;
        const assignee = w.users[u]!;
        const team = step.team ? assignee.teams[0] ?? null : null;
        const id = newId();
        await withWrite(ctx, (trx) => createTask(trx, ownerSide(m, c), caseId, {
          title: 'Visit', description: '', assigneeAgencyId: m.ids.agencies[assignee.agency]!, assigneeTeamId: team === null ? null : m.ids.teams[team]!,
          assigneeUserId: step.user ? m.ids.users[u]! : null, dueDate: null,
        }, id));
        w.tasks.push({ case: c, agency: assignee.agency, team, user: step.user ? u : null });
        m.ids.tasks.push(id);
        return true;
      }
      case 'expire':
        return await expireGrant(ctx, m, step.grant);
      case 'pull':
        return false;
    }
  } catch (error) {
    if (error instanceof CodedError) {
      return false;
    }
    throw error;
  }
}

async function placeMarker(ctx: ServerContext, m: HistoryModel, step: Extract<HistoryStep, { kind: 'marker' }>): Promise<boolean> {
  const w = m.world;
  const list = step.subject === 'case' ? m.ids.cases : step.subject === 'person' ? m.ids.persons : m.ids.locations;
  if (list.length === 0) {
    return false;
  }
  const index = step.index % list.length;
  const agency = step.subject === 'case' ? w.cases[index]!.agency : step.subject === 'person' ? w.persons[index]!.agency : w.locations[index]!.agency;
  const ctxFor = step.subject === 'case' ? ownerSide(m, index) : agencyOperator(m, agency);
  const id = newId();
  await withWrite(ctx, (trx) => createMarker(trx, ctxFor, {
    subjectType: step.subject, subjectId: list[index]!, markerType: step.staffSafety ? 'staff_safety' : 'vulnerability', description: 'Take care',
    reviewDate: '2026-12-01', expiresAt: null,
  }, id));
  m.ids.markers.push({ id, subject: step.subject, index, staffSafety: step.staffSafety, agency });
  return true;
}

async function expireGrant(ctx: ServerContext, m: HistoryModel, which: number): Promise<boolean> {
  const grants = worldGrants(m.world).filter((g) => !g.grant.expired && !g.grant.revoked);
  const target = pick(grants, which);
  if (!target) {
    return false;
  }
  const resourceId = target.type === 'case' ? m.ids.cases[target.index]! : m.ids.persons[target.index]!;
  const userId = m.ids.users[target.grant.user]!;
  // Time does not move in the test: the grant's expiry is moved into the past, then the sweep runs.
  await ctx.db.updateTable('access_grants').set({ expires_at: '2026-05-01T00:00:00.000Z' })
    .where('resource_type', '=', target.type).where('resource_id', '=', resourceId).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
  await sweepExpiredGrants(ctx);
  for (const g of grants.filter((x) => x.type === target.type && x.index === target.index && x.grant.user === target.grant.user)) {
    g.grant.expired = true;
  }
  return true;
}
