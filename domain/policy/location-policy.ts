/** Who may see a location (docs/access.md): its owner agency, and anyone who may see a case at it. */
import { canSeeCase, type PolicyCase } from './case-policy.ts';
import { readsCases, type PolicyUser } from './policy-user.ts';

/** The parts of a location the policy looks at. */
export interface PolicyLocation {
  ownerAgencyId: string;
  /** The cases the location is attached to. */
  cases: readonly PolicyCase[];
}

/** True when the user may see the location. */
export function canSeeLocation(user: PolicyUser, location: PolicyLocation, at?: string): boolean {
  return readsCases(user) && (location.ownerAgencyId === user.agencyId || location.cases.some((c) => canSeeCase(user, c, at)));
}
