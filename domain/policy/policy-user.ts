/** The parts of a user and of a record's ownership that every access rule looks at (docs/access.md). */
import type { Role, SharingLevel } from '../vocabulary.ts';

/** The parts of a user the policy looks at. */
export interface PolicyUser {
  id: string;
  agencyId: string;
  teamIds: readonly string[];
  role: Role;
}

/** Named grantees of a `shared` record. Missing lists mean none (never "everyone"). */
export interface PolicyShares {
  sharedAgencyIds: readonly string[];
  sharedTeamIds?: readonly string[];
  sharedUserIds?: readonly string[];
}

/** Who owns a record. */
export interface PolicyOwner {
  ownerAgencyId: string;
  ownerTeamId: string | null;
  ownerUserId: string | null;
}

/** A time-limited grant from an approved access request. */
export interface PolicyGrant {
  userId: string;
  expiresAt: string;
  revokedAt: string | null;
}

/** Roles whose duties never include reading case content directly (audit, configuration). */
export const ROLES_WITHOUT_CASE_READING: readonly Role[] = ['data_officer', 'system_admin'];

/** Roles that decide on sharing, transfers and access requests for their agency. */
export const DECIDING_ROLES: readonly Role[] = ['team_manager', 'agency_admin'];

/** True when the user's role may read case content at all. */
export function readsCases(user: PolicyUser): boolean {
  return !ROLES_WITHOUT_CASE_READING.includes(user.role);
}

/**
 * The audience rule shared by cases, reports and documents: who a sharing level admits, given
 * the owner and the named grantees. Team managers also see their team's owner-only items.
 */
export function audienceAdmits(user: PolicyUser, owner: PolicyOwner, level: SharingLevel, shares: PolicyShares): boolean {
  const isOwner = owner.ownerUserId !== null && owner.ownerUserId === user.id;
  const inOwnerAgency = owner.ownerAgencyId === user.agencyId;
  const inOwnerTeam = inOwnerAgency && owner.ownerTeamId !== null && user.teamIds.includes(owner.ownerTeamId);
  switch (level) {
    case 'owner_only':
      return isOwner || (inOwnerTeam && user.role === 'team_manager');
    case 'owner_team':
      return isOwner || inOwnerTeam;
    case 'owner_agency':
      return inOwnerAgency;
    case 'shared':
      return (
        inOwnerAgency ||
        shares.sharedAgencyIds.includes(user.agencyId) ||
        (shares.sharedTeamIds ?? []).some((t) => user.teamIds.includes(t)) ||
        (shares.sharedUserIds ?? []).includes(user.id)
      );
  }
}

/** True when one of the grants is the user's and is in force at `at` (ISO time). */
export function holdsGrant(user: PolicyUser, grants: readonly PolicyGrant[] | undefined, at: string | undefined): boolean {
  if (at === undefined || grants === undefined) {
    return false;
  }
  return grants.some((g) => g.userId === user.id && g.revokedAt === null && g.expiresAt > at);
}
