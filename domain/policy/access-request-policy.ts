/** Who sees and decides access requests: the requester, and the owner agency's deciders. */
import { DECIDING_ROLES, type PolicyUser } from './policy-user.ts';

/** The parts of an access request the policy looks at. */
export interface PolicyAccessRequest {
  requesterUserId: string;
  ownerAgencyId: string;
}

/** True when the user may decide the request: a decider of the owner agency, never on their own request. */
export function canDecideAccessRequest(user: PolicyUser, request: PolicyAccessRequest): boolean {
  return request.ownerAgencyId === user.agencyId && DECIDING_ROLES.includes(user.role) && request.requesterUserId !== user.id;
}

/** True when the user may see the request. */
export function canSeeAccessRequest(user: PolicyUser, request: PolicyAccessRequest): boolean {
  return request.requesterUserId === user.id || canDecideAccessRequest(user, request);
}
