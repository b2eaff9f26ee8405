/**
 * Who may see and act on a case (docs/access.md), as pure synchronous functions.
 * The server's SQL visibility filter must agree with `canSeeCase` for every user and case.
 */
import type { SharingLevel } from '../vocabulary.ts';
import {
  audienceAdmits, DECIDING_ROLES, holdsGrant, readsCases,
  type PolicyGrant, type PolicyOwner, type PolicyShares, type PolicyUser,
} from './policy-user.ts';

export { ROLES_WITHOUT_CASE_READING, type PolicyUser } from './policy-user.ts';

/** The parts of a case the policy looks at. */
export interface PolicyCase extends PolicyOwner, PolicyShares {
  sharingLevel: SharingLevel;
  /** Time-limited grants from approved access requests. */
  grants?: readonly PolicyGrant[];
}

/** Actions on a case. */
export const CASE_ACTIONS = ['read', 'update', 'share', 'close', 'transfer', 'add_report', 'add_task', 'add_document', 'link'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** True when the user may read the case; `at` (ISO time) makes access grants count. */
export function canSeeCase(user: PolicyUser, c: PolicyCase, at?: string): boolean {
  if (!readsCases(user)) {
    return false;
  }
  return audienceAdmits(user, c, c.sharingLevel, c) || holdsGrant(user, c.grants, at);
}

/** True when the user works in the case's owner agency and may change it. */
function ownerSide(user: PolicyUser, c: PolicyCase): boolean {
  return c.ownerAgencyId === user.agencyId;
}

/** True when the user may decide who sees the case or who owns it. */
function decides(user: PolicyUser, c: PolicyCase): boolean {
  return ownerSide(user, c) && (c.ownerUserId === user.id || DECIDING_ROLES.includes(user.role));
}

/**
 * True when the user may take the action. Partner agencies that can see a case contribute
 * reports, tasks and documents; only the owner agency edits the case itself.
 */
export function can(user: PolicyUser, action: CaseAction, c: PolicyCase, at?: string): boolean {
  if (!canSeeCase(user, c, at)) {
    return false;
  }
  switch (action) {
    case 'read':
    case 'add_report':
    case 'add_task':
    case 'add_document':
      return true;
    case 'update':
    case 'close':
    case 'link':
      return ownerSide(user, c);
    case 'share':
    case 'transfer':
      return decides(user, c);
  }
}

/** The caller's abilities on a case, carried on every case the API returns. */
export type CaseAbilities = Record<CaseAction, boolean>;

/** Computes every case ability at once. */
export function caseAbilities(user: PolicyUser, c: PolicyCase, at?: string): CaseAbilities {
  const result = {} as CaseAbilities;
  for (const action of CASE_ACTIONS) {
    result[action] = can(user, action, c, at);
  }
  return result;
}
