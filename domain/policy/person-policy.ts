/**
 * What a user may know of a person (DESIGN.md §3): the full record when they can see any of the
 * person's cases (or their agency owns the person, or holds a grant); otherwise a search-and-
 * signpost stub unless every case of the person is hidden from search; otherwise nothing.
 */
import type { PolicyCase } from './case-policy.ts';
import { canSeeCase } from './case-policy.ts';
import { holdsGrant, readsCases, type PolicyGrant, type PolicyUser } from './policy-user.ts';

/** A case the person is a subject of, with its search flag. */
export interface PolicyPersonCase extends PolicyCase {
  hiddenFromSearch: boolean;
}

/** The parts of a person the policy looks at. */
export interface PolicyPerson {
  ownerAgencyId: string;
  cases: readonly PolicyPersonCase[];
  grants?: readonly PolicyGrant[];
}

/** How much of a person the user may see. */
export type PersonView = 'full' | 'stub' | 'none';

/** Decides the view of a person for a user. */
export function personView(user: PolicyUser, person: PolicyPerson, at?: string): PersonView {
  if (!readsCases(user)) {
    return 'none';
  }
  if (person.ownerAgencyId === user.agencyId || holdsGrant(user, person.grants, at) || person.cases.some((c) => canSeeCase(user, c, at))) {
    return 'full';
  }
  const searchable = person.cases.length === 0 || person.cases.some((c) => !c.hiddenFromSearch);
  return searchable ? 'stub' : 'none';
}

/** The agencies a stub may name: owners of the person's cases that are not hidden from search. */
export function signpostAgencyIds(person: PolicyPerson): string[] {
  const ids = new Set<string>([person.ownerAgencyId]);
  for (const c of person.cases) {
    if (!c.hiddenFromSearch) {
      ids.add(c.ownerAgencyId);
    }
  }
  return [...ids].sort();
}

/** True when the user's agency is involved with the person: owns them, or owns or shares any of their cases. */
export function agencyInvolvedWithPerson(user: PolicyUser, person: PolicyPerson): boolean {
  return (
    person.ownerAgencyId === user.agencyId ||
    person.cases.some((c) => c.ownerAgencyId === user.agencyId || (c.sharingLevel === 'shared' && c.sharedAgencyIds.includes(user.agencyId)))
  );
}

/** A restricted identifier is shown only to the agency that recorded it, and only with the full record. */
export function canSeeIdentifier(user: PolicyUser, identifier: { agencyId: string }, view: PersonView): boolean {
  return view === 'full' && identifier.agencyId === user.agencyId;
}
