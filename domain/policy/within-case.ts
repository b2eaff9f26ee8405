/**
 * The rule that a report's or document's restriction is never wider than its case: every agency,
 * team and user it would admit must already be admitted by the case (docs/access.md). The
 * visibility filter intersects them anyway; this rule keeps what the owner chose honest.
 */
import type { SharingLevel } from '../vocabulary.ts';
import type { PolicyCase } from './case-policy.ts';
import { audienceAdmits, type PolicyUser } from './policy-user.ts';

/** What a restriction would admit: its level, the owner it is relative to, and the named grantees. */
export interface PolicyRestriction {
  /** `case`/`parent` follow the case and are never wider. */
  level: SharingLevel | 'case' | 'parent';
  owner: PolicyUser & { teamId: string | null };
  agencyIds: readonly string[];
  teamIds: readonly string[];
  userIds: readonly string[];
}

/** How to find the agency of a team and the agency and teams of a user. */
export interface DirectoryLookup {
  teamAgency: (teamId: string) => string | undefined;
  user: (userId: string) => PolicyUser | undefined;
}

/** The parts of a restriction the case does not admit; all empty (and `level` false) when it fits. */
export interface WiderParts {
  /** The level itself reaches further than the case (e.g. the author's whole agency). */
  level: boolean;
  agencyIds: string[];
  teamIds: string[];
  userIds: string[];
}

/** True when the case admits every member of the agency. */
export function caseAdmitsAgency(c: PolicyCase, agencyId: string): boolean {
  if (c.sharingLevel === 'owner_agency') {
    return c.ownerAgencyId === agencyId;
  }
  return c.sharingLevel === 'shared' && (c.ownerAgencyId === agencyId || c.sharedAgencyIds.includes(agencyId));
}

/** True when the case admits every member of the team (of the given agency). */
export function caseAdmitsTeam(c: PolicyCase, teamId: string, agencyId: string): boolean {
  return caseAdmitsAgency(c, agencyId)
    || (c.sharingLevel === 'shared' && (c.sharedTeamIds ?? []).includes(teamId))
    || (c.sharingLevel === 'owner_team' && c.ownerAgencyId === agencyId && c.ownerTeamId === teamId);
}

/** True when the case admits the user by its sharing (time-limited grants do not count). */
export function caseAdmitsUser(c: PolicyCase, user: PolicyUser): boolean {
  return audienceAdmits(user, c, c.sharingLevel, c);
}

/** The parts of the restriction that reach beyond the case; unknown teams and users count as beyond it. */
export function widerThanCase(c: PolicyCase, r: PolicyRestriction, directory: DirectoryLookup): WiderParts {
  const owner = r.owner;
  const level = (() => {
    switch (r.level) {
      case 'case':
      case 'parent':
        return false;
      case 'owner_only':
        return !caseAdmitsUser(c, owner);
      case 'owner_team':
        return owner.teamId === null ? !caseAdmitsUser(c, owner) : !caseAdmitsTeam(c, owner.teamId, owner.agencyId);
      case 'owner_agency':
      case 'shared':
        return !caseAdmitsAgency(c, owner.agencyId);
    }
  })();
  if (r.level !== 'shared') {
    return { level, agencyIds: [], teamIds: [], userIds: [] };
  }
  return {
    level,
    agencyIds: r.agencyIds.filter((a) => !caseAdmitsAgency(c, a)),
    teamIds: r.teamIds.filter((t) => {
      const agency = directory.teamAgency(t);
      return agency === undefined || !caseAdmitsTeam(c, t, agency);
    }),
    userIds: r.userIds.filter((u) => {
      const user = directory.user(u);
      return user === undefined || !caseAdmitsUser(c, user);
    }),
  };
}

/** True when nothing in the restriction reaches beyond the case. */
export function fitsCase(parts: WiderParts): boolean {
  return !parts.level && parts.agencyIds.length + parts.teamIds.length + parts.userIds.length === 0;
}
