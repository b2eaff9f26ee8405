/**
 * The caller's abilities on a person and a location, from the views decided by
 * domain/policy/person-policy.ts. (Candidates for domain/policy once reviewed.)
 */
import type { PersonAbilities } from '../entities/person.ts';
import type { LocationAbilities } from '../entities/location.ts';
import type { PersonView } from '../policy/person-policy.ts';
import { DECIDING_ROLES, readsCases, type PolicyUser } from '../policy/policy-user.ts';

/**
 * Only the owner agency edits a person's identity and aliases and only its deciders (team
 * managers, agency admins) transfer ownership; any agency with the full view may record its own
 * restricted identifiers; a stub or the minimal profile (a person attached from a stub) offers an
 * access request for the full record.
 */
export function personAbilities(user: PolicyUser, person: { ownerAgencyId: string }, view: PersonView): PersonAbilities {
  const full = view === 'full';
  const owner = full && person.ownerAgencyId === user.agencyId;
  return {
    update: owner,
    transfer: owner && DECIDING_ROLES.includes(user.role),
    addAlias: owner,
    addIdentifier: full,
    requestAccess: view === 'stub' || view === 'profile',
  };
}

/** Only the owner agency changes a location. */
export function locationAbilities(user: PolicyUser, location: { ownerAgencyId: string }): LocationAbilities {
  return { update: readsCases(user) && location.ownerAgencyId === user.agencyId };
}
