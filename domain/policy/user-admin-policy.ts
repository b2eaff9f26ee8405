/**
 * Who may administer which user accounts (docs/access.md, "Administration"). Pure: the server
 * loads the actor, the target and the count of active system admins, and asks here.
 *
 * Role order: system_admin > agency_admin > every other role. An admin never grants a role above
 * their own, an agency admin manages only their own agency (and never a system admin), and the last
 * active system admin cannot be disabled or demoted out of existence.
 */
import type { Role } from '../vocabulary.ts';

/** The rank of a role for administration: higher manages lower or equal. */
export function roleRank(role: Role): number {
  if (role === 'system_admin') {
    return 3;
  }
  return role === 'agency_admin' ? 2 : 1;
}

/** Roles that administer accounts. */
export function isAdminRole(role: Role): boolean {
  return roleRank(role) >= 2;
}

/** The acting administrator, as the policy sees them. */
export interface AdminActor {
  id: string;
  agencyId: string;
  role: Role;
}

/** A user account being administered. */
export interface AdminTarget {
  id: string;
  agencyId: string;
  role: Role;
  disabled: boolean;
}

/** The policy's answer: allowed, or the refusal's code and a message for the user. */
export type AdminDecision = { ok: true } | { ok: false; code: 'authorization_error' | 'conflict'; message: string };

const ALLOWED: AdminDecision = { ok: true };
const refuse = (code: 'authorization_error' | 'conflict', message: string): AdminDecision => ({ ok: false, code, message });

/** May the actor see and administer the accounts and teams of this agency at all? */
export function mayAdministerAgency(actor: AdminActor, agencyId: string): AdminDecision {
  if (!isAdminRole(actor.role)) {
    return refuse('authorization_error', 'Only an agency administrator or a system administrator can manage user accounts.');
  }
  if (actor.role !== 'system_admin' && agencyId !== actor.agencyId) {
    return refuse('authorization_error', 'You can only manage users and teams of your own agency.');
  }
  return ALLOWED;
}

/** May the actor add agencies and set who shares with whom? Only a system administrator. */
export function mayAdministerAgencies(actor: AdminActor): AdminDecision {
  return actor.role === 'system_admin'
    ? ALLOWED
    : refuse('authorization_error', 'Only a system administrator can add agencies or change sharing agreements.');
}

/**
 * May the actor add MARAC areas, rename them, or change their coordinating agency or escalation rule?
 * Only a system administrator: the coordinating agency receives a share of every referral's case and
 * the rule decides every referring agency's criteria, so no single agency's admin decides them
 * (docs/decisions.md).
 */
export function mayAdministerMaracAreas(actor: AdminActor): AdminDecision {
  return actor.role === 'system_admin'
    ? ALLOWED
    : refuse('authorization_error', 'Only a system administrator can add or change MARAC areas.');
}

/** May the actor add, rename or retire case types, or change the system settings? Only a system administrator. */
export function mayAdministerSystem(actor: AdminActor): AdminDecision {
  return actor.role === 'system_admin'
    ? ALLOWED
    : refuse('authorization_error', 'Only a system administrator can change case types or system settings.');
}

/** May the actor give an account in `agencyId` this role (creating it, or on an existing account)? */
export function mayGrantRole(actor: AdminActor, agencyId: string, role: Role): AdminDecision {
  const scope = mayAdministerAgency(actor, agencyId);
  if (!scope.ok) {
    return scope;
  }
  if (roleRank(role) > roleRank(actor.role)) {
    return refuse('authorization_error', 'You cannot give an account a role above your own.');
  }
  return ALLOWED;
}

/** May the actor manage this existing account (teams, password, enable, second factor)? */
export function mayManageUser(actor: AdminActor, target: AdminTarget): AdminDecision {
  const scope = mayAdministerAgency(actor, target.agencyId);
  if (!scope.ok) {
    return scope;
  }
  if (roleRank(target.role) > roleRank(actor.role)) {
    return refuse('authorization_error', 'Only a system administrator can manage a system administrator\'s account.');
  }
  return ALLOWED;
}

/**
 * May the actor disable this account? `activeSystemAdmins` counts enabled system admins, the
 * target included. Nobody disables their own account (it would lock them out mid-task).
 */
export function mayDisableUser(actor: AdminActor, target: AdminTarget, activeSystemAdmins: number): AdminDecision {
  const manage = mayManageUser(actor, target);
  if (!manage.ok) {
    return manage;
  }
  if (target.role === 'system_admin' && !target.disabled && activeSystemAdmins <= 1) {
    return refuse('conflict', 'This is the last active system administrator: enable or create another one first.');
  }
  if (target.id === actor.id) {
    return refuse('conflict', 'You cannot disable your own account; ask another administrator.');
  }
  return ALLOWED;
}
