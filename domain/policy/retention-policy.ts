/** Who may do what with retention (docs/audit.md, "Retention and erasure"): pure, synchronous, I/O-free. */
import type { PolicyUser } from './policy-user.ts';

/** A data officer reviews, holds and erases the cases their own agency owns (the controller of what it recorded). */
export function mayManageRetention(user: PolicyUser, caseOwnerAgencyId: string): boolean {
  return user.role === 'data_officer' && user.agencyId === caseOwnerAgencyId;
}

/** Only a data officer has a review-due list (their own agency's cases). */
export function mayListRetentionReviews(user: PolicyUser): boolean {
  return user.role === 'data_officer';
}

/** Only a system admin sets the retention rule of a case type; data officers read the rules. */
export function maySetRetentionRules(user: PolicyUser): boolean {
  return user.role === 'system_admin';
}

/** Who may read the rules: those who set them and those who apply them. */
export function mayReadRetentionRules(user: PolicyUser): boolean {
  return user.role === 'system_admin' || user.role === 'data_officer';
}
