/**
 * Who may see a case (DESIGN.md §3), as pure synchronous functions.
 * The server's SQL visibility filter must agree with `canSeeCase` for every user and case.
 */
import type { Role, SharingLevel } from '../vocabulary.ts';

/** The parts of a user the policy looks at. */
export interface PolicyUser {
  id: string;
  agencyId: string;
  teamIds: readonly string[];
  role: Role;
}

/** The parts of a case the policy looks at. */
export interface PolicyCase {
  ownerAgencyId: string;
  ownerTeamId: string | null;
  ownerUserId: string | null;
  sharingLevel: SharingLevel;
  sharedAgencyIds: readonly string[];
}

/** Actions on a case. */
export type CaseAction = 'read';

/** Roles whose duties never include reading case content directly (audit, configuration). */
export const ROLES_WITHOUT_CASE_READING: readonly Role[] = ['data_officer', 'system_admin'];

/** True when the user may read the case. */
export function canSeeCase(user: PolicyUser, c: PolicyCase): boolean {
  if (ROLES_WITHOUT_CASE_READING.includes(user.role)) {
    return false;
  }
  const isOwner = c.ownerUserId !== null && c.ownerUserId === user.id;
  const inOwnerTeam = c.ownerTeamId !== null && user.teamIds.includes(c.ownerTeamId);
  const inOwnerAgency = c.ownerAgencyId === user.agencyId;
  switch (c.sharingLevel) {
    case 'owner_only':
      // Team managers see their team's owner-only items as a supervisory duty.
      return isOwner || (inOwnerAgency && inOwnerTeam && user.role === 'team_manager');
    case 'owner_team':
      return isOwner || (inOwnerAgency && inOwnerTeam);
    case 'owner_agency':
      return inOwnerAgency;
    case 'shared':
      return inOwnerAgency || c.sharedAgencyIds.includes(user.agencyId);
  }
}

/** True when the user may take the action on the case. */
export function can(user: PolicyUser, action: CaseAction, c: PolicyCase): boolean {
  switch (action) {
    case 'read':
      return canSeeCase(user, c);
  }
}
