/**
 * Who sees MARAC referrals and DASH assessments (docs/marac.md, docs/access.md). A referral is read
 * through its case: whoever sees the case sees the referral, and nobody else. The referral's case
 * is shared with the area's coordinating agency, and a coordinator lists the referrals of the areas
 * their agency coordinates that they can see. A DASH assessment is seen by the assessing agency
 * and by whoever sees a referral resting on it.
 */
import { canSeeCase, type PolicyCase } from './case-policy.ts';
import type { PolicyUser } from './policy-user.ts';

/**
 * True when the desktop offers the user the DASH checklist and "Refer to MARAC": practitioners and
 * their managers assess risk and refer; coordinators receive referrals. (The server accepts either
 * from any role that reads cases.)
 */
export function makesMaracReferrals(user: Pick<PolicyUser, 'role'>): boolean {
  return user.role === 'practitioner' || user.role === 'team_manager';
}

/** True when the user's role keeps a MARAC area's referral list. */
export function keepsReferralList(user: PolicyUser): boolean {
  return user.role === 'marac_coordinator';
}

/**
 * True when every coordinator of the area's coordinating agency would see the case by its sharing
 * alone (no named users or teams, no grants): what linking an existing case to a referral needs.
 */
export function coordinatorAgencySeesCase(coordinatorAgencyId: string, c: PolicyCase): boolean {
  const coordinator: PolicyUser = { id: '', agencyId: coordinatorAgencyId, teamIds: [], role: 'marac_coordinator' };
  return canSeeCase(coordinator, { ...c, grants: [] });
}

/** True when the user sees a DASH assessment: one of their agency's, or one a referral they see rests on. */
export function seesDashAssessment(user: PolicyUser, assessment: { agencyId: string }, seesAReferralOnIt: boolean): boolean {
  return assessment.agencyId === user.agencyId || seesAReferralOnIt;
}
