/**
 * What a user may know of a person (docs/access.md): the full record when their agency owns the
 * person, they hold a grant, or they can see a case the person was added to by someone who held
 * the full record; the minimal profile (names, aliases, date of birth, gender) when they see the
 * person only through cases the person was attached to from a stub; otherwise a search-and-signpost
 * stub unless every case of the person is hidden from search; otherwise nothing.
 */
import type { PolicyCase } from './case-policy.ts';
import { canSeeCase } from './case-policy.ts';
import { holdsGrant, readsCases, type PolicyGrant, type PolicyUser } from './policy-user.ts';

/** A case the person is a subject of, with its search flag. */
export interface PolicyPersonCase extends PolicyCase {
  hiddenFromSearch: boolean;
  /**
   * True when every link of the person to this case was made by a user who saw them only as a
   * stub (or profile): the case then reveals the minimal profile, never the full record, so
   * attaching a stub to one's own case cannot open the record. Missing means false.
   */
  profileOnly?: boolean;
}

/** The parts of a person the policy looks at. */
export interface PolicyPerson {
  ownerAgencyId: string;
  cases: readonly PolicyPersonCase[];
  grants?: readonly PolicyGrant[];
}

/** How much of a person the user may see: `profile` is the minimal profile (names, aliases, date of birth, gender). */
export type PersonView = 'full' | 'profile' | 'stub' | 'none';

/** Decides the view of a person for a user. */
export function personView(user: PolicyUser, person: PolicyPerson, at?: string): PersonView {
  if (!readsCases(user)) {
    return 'none';
  }
  if (person.ownerAgencyId === user.agencyId || holdsGrant(user, person.grants, at) || person.cases.some((c) => c.profileOnly !== true && canSeeCase(user, c, at))) {
    return 'full';
  }
  if (person.cases.some((c) => canSeeCase(user, c, at))) {
    return 'profile';
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

/** True when the view shows the person's record at all (full or minimal profile), not just a stub. */
export function seesPersonRecord(view: PersonView): boolean {
  return view === 'full' || view === 'profile';
}

/**
 * A restricted identifier is shown only to the agency that recorded it, and only with the full
 * record (never with the minimal profile an attached stub gives).
 */
export function canSeeIdentifier(user: PolicyUser, identifier: { agencyId: string }, view: PersonView): boolean {
  return view === 'full' && identifier.agencyId === user.agencyId;
}
