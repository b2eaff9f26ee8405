/**
 * Random "worlds" for the differential access test: agencies, teams, users, cases with every
 * sharing level and named shares, grants, reports, documents, tasks, persons (some attached to
 * cases from a stub), locations, markers of several agencies and access requests. A world is plain JSON so fast-check can print the failing one.
 */
import fc from 'fast-check';
import { ROLES, SHARING_LEVELS, type Role, type SharingLevel } from '../../domain/vocabulary.ts';

/** The moment every world is judged at; grants expire either side of it. */
export const WORLD_AT = '2026-06-01T00:00:00.000Z';
const BEFORE = '2026-05-01T00:00:00.000Z';
const AFTER = '2026-07-01T00:00:00.000Z';

export interface WorldShares { agencies: number[]; teams: number[]; users: number[] }
export interface WorldGrant { user: number; expired: boolean; revoked: boolean }
export interface WorldCase { agency: number; team: number | null; user: number | null; level: SharingLevel; shares: WorldShares; hidden: boolean; grants: WorldGrant[] }
export interface WorldReport { case: number; author: number; level: SharingLevel | 'case'; shares: WorldShares }
export interface WorldDocument { case: number; report: number | null; uploader: number; team: number | null; level: SharingLevel | 'parent'; shares: WorldShares }
export interface WorldTask { case: number; agency: number; team: number | null; user: number | null }
/** `attached`: cases the person was attached to from a stub (profile-only links); a case may be in both lists (two roles). */
export interface WorldPerson { agency: number; cases: number[]; attached: number[]; grants: WorldGrant[] }
export interface WorldLocation { agency: number; cases: number[] }
export interface WorldMarker { subject: 'case' | 'person' | 'location'; index: number; staffSafety: boolean; agency: number }
export interface WorldRequest { requester: number; ownerAgency: number }

/** One generated world; references are indexes into the lists. */
export interface AccessWorld {
  agencies: number;
  teams: number[];
  users: Array<{ agency: number; teams: number[]; role: Role }>;
  cases: WorldCase[];
  reports: WorldReport[];
  documents: WorldDocument[];
  tasks: WorldTask[];
  persons: WorldPerson[];
  locations: WorldLocation[];
  markers: WorldMarker[];
  requests: WorldRequest[];
}

const pickSome = (n: number, max = 3) => (n === 0 ? fc.constant<number[]>([]) : fc.uniqueArray(fc.nat({ max: n - 1 }), { maxLength: Math.min(max, n) }));
const maybe = (n: number) => (n === 0 ? fc.constant(null) : fc.option(fc.nat({ max: n - 1 }), { nil: null }));
const grantArb = (users: number) => fc.record({ user: fc.nat({ max: users - 1 }), expired: fc.boolean(), revoked: fc.boolean() });
const sharesArb = (a: number, t: number, u: number) => fc.record({ agencies: pickSome(a), teams: pickSome(t), users: pickSome(u) });

/** The arbitrary of worlds: small, so shrinking finds a minimal counterexample quickly. */
export const accessWorldArb: fc.Arbitrary<AccessWorld> = fc
  .record({ agencies: fc.integer({ min: 1, max: 3 }), teamCount: fc.integer({ min: 1, max: 4 }) })
  .chain(({ agencies, teamCount }) =>
    fc.record({
      agencies: fc.constant(agencies),
      teams: fc.array(fc.nat({ max: agencies - 1 }), { minLength: teamCount, maxLength: teamCount }),
      users: fc.array(
        fc.record({ agency: fc.nat({ max: agencies - 1 }), teams: pickSome(teamCount, 2), role: fc.constantFrom(...ROLES) }),
        { minLength: 1, maxLength: 6 },
      ),
    }),
  )
  .chain((base) => {
    const a = base.agencies;
    const t = base.teams.length;
    const u = base.users.length;
    const caseArb = fc.record({
      agency: fc.nat({ max: a - 1 }), team: maybe(t), user: maybe(u), level: fc.constantFrom(...SHARING_LEVELS),
      shares: sharesArb(a, t, u), hidden: fc.boolean(), grants: fc.array(grantArb(u), { maxLength: 2 }),
    });
    return fc.array(caseArb, { minLength: 1, maxLength: 5 }).chain((cases) => {
      const c = cases.length;
      return fc.array(
        fc.record({ case: fc.nat({ max: c - 1 }), author: fc.nat({ max: u - 1 }), level: fc.constantFrom('case' as const, ...SHARING_LEVELS), shares: sharesArb(a, t, u) }),
        { maxLength: 4 },
      ).chain((reports) =>
        fc.record({
          agencies: fc.constant(a),
          teams: fc.constant(base.teams),
          users: fc.constant(base.users),
          cases: fc.constant(cases),
          reports: fc.constant(reports),
          documents: fc.array(
            fc.record({
              case: fc.nat({ max: c - 1 }), report: maybe(reports.length), uploader: fc.nat({ max: u - 1 }), team: maybe(t),
              level: fc.constantFrom('parent' as const, ...SHARING_LEVELS), shares: sharesArb(a, t, u),
            }),
            { maxLength: 3 },
          ),
          tasks: fc.array(fc.record({ case: fc.nat({ max: c - 1 }), agency: fc.nat({ max: a - 1 }), team: maybe(t), user: maybe(u) }), { maxLength: 3 }),
          persons: fc.array(fc.record({ agency: fc.nat({ max: a - 1 }), cases: pickSome(c), attached: pickSome(c, 2), grants: fc.array(grantArb(u), { maxLength: 1 }) }), { maxLength: 3 }),
          locations: fc.array(fc.record({ agency: fc.nat({ max: a - 1 }), cases: pickSome(c) }), { maxLength: 2 }),
          markers: fc.array(fc.record({
            subject: fc.constantFrom('case' as const, 'person' as const, 'location' as const), index: fc.nat({ max: 5 }), staffSafety: fc.boolean(),
            agency: fc.nat({ max: a - 1 }),
          }), { maxLength: 4 }),
          requests: fc.array(fc.record({ requester: fc.nat({ max: u - 1 }), ownerAgency: fc.nat({ max: a - 1 }) }), { maxLength: 2 }),
        }),
      );
    });
  });

/** Expiry time of a world grant. */
export function grantExpiry(g: WorldGrant): string {
  return g.expired ? BEFORE : AFTER;
}

/** Revocation time of a world grant. */
export function grantRevokedAt(g: WorldGrant): string | null {
  return g.revoked ? BEFORE : null;
}
