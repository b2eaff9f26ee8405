/**
 * The screens the top bar offers, in order, and to whom: one list, so a new screen is one line here
 * and one target in WorkspaceLayout. A screen offered to some roles only still refuses others itself.
 */
import type { SessionUser } from '../../domain/entities.ts';
import { auditScopeOf } from '../../domain/policy/audit-policy.ts';
import { DECIDING_ROLES, readsCases } from '../../domain/policy/policy-user.ts';
import { handlesSars } from '../../domain/policy/sar-policy.ts';
import { mayListRetentionReviews, maySetRetentionRules } from '../../domain/policy/retention-policy.ts';
import { makesMaracReferrals } from '../../domain/policy/marac-referral-policy.ts';
import { isAdminRole } from '../../domain/policy/user-admin-policy.ts';

/** A screen the top bar can open. */
export type MainNavTarget = 'dashboard' | 'persons' | 'tasks' | 'notifications' | 'audit' | 'retention' | 'retention-rules' | 'marac-refer' | 'marac-referrals' | 'marac-meetings' | 'marac-data-return' | 'access-requests' | 'markers-review' | 'admin' | 'sars';

/** One button of the top bar's navigation. */
export interface MainNavItem {
  target: MainNavTarget;
  label: string;
}

interface NavEntry extends MainNavItem {
  /** Who is offered it; everyone when absent. */
  offeredTo?: (user: SessionUser) => boolean;
}

const ENTRIES: readonly NavEntry[] = [
  { target: 'dashboard', label: 'Dashboard' },
  { target: 'persons', label: 'Find a person' },
  { target: 'tasks', label: 'Tasks' },
  { target: 'markers-review', label: 'Markers for review', offeredTo: readsCases },
  { target: 'notifications', label: 'Notifications' },
  { target: 'audit', label: 'Audit', offeredTo: (user) => auditScopeOf(user) !== null },
  { target: 'retention', label: 'Retention', offeredTo: mayListRetentionReviews },
  { target: 'retention-rules', label: 'Retention rules', offeredTo: maySetRetentionRules },
  { target: 'access-requests', label: 'Access requests', offeredTo: (user) => DECIDING_ROLES.includes(user.role) || readsCases(user) },
  { target: 'sars', label: 'Subject access', offeredTo: handlesSars },
  { target: 'marac-refer', label: 'Refer to MARAC', offeredTo: makesMaracReferrals },
  { target: 'marac-referrals', label: 'MARAC referrals', offeredTo: (user) => user.role === 'marac_coordinator' },
  // Coordinators run them; practitioners and team managers attend for their agency and add its research.
  { target: 'marac-meetings', label: 'MARAC meetings', offeredTo: (user) => user.role === 'marac_coordinator' || makesMaracReferrals(user) },
  { target: 'marac-data-return', label: 'MARAC data return', offeredTo: (user) => user.role === 'marac_coordinator' },
  { target: 'admin', label: 'Administration', offeredTo: (user) => isAdminRole(user.role) },
];

/** The top bar's navigation for this user. */
export function mainNavItems(user: SessionUser): MainNavItem[] {
  return ENTRIES.filter((entry) => entry.offeredTo?.(user) ?? true).map(({ target, label }) => ({ target, label }));
}
