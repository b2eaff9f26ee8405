/**
 * Who sees a marker (docs/access.md): whoever may see its subject; staff-safety markers also reach
 * every user whose agency is involved with the subject, even without access to the case content.
 * On a person, "may see the subject" means the full record: the agency that placed the marker,
 * the person's owner agency, a grant holder, or a user seeing a case the person was added to by
 * someone who held the full record. The minimal profile from attaching a stub to one's own case
 * opens no marker beyond staff-safety ones.
 */
import { canSeeCase, type PolicyCase } from './case-policy.ts';
import { canSeeLocation } from './location-policy.ts';
import { agencyInvolvedWithPerson, personView, type PolicyPerson } from './person-policy.ts';
import { readsCases, type PolicyUser } from './policy-user.ts';

/** The subject of a marker, resolved for the policy. */
export type PolicyMarkerSubject =
  | { type: 'case'; case: PolicyCase }
  | { type: 'person'; person: PolicyPerson }
  /** A location: its owner agency and the cases it appears in. */
  | { type: 'location'; ownerAgencyId: string; cases: readonly PolicyCase[] };

/** The parts of a marker the policy looks at. */
export interface PolicyMarker {
  markerType: string;
  /** The agency that placed the marker (it always sees its own markers on a person). */
  ownerAgencyId: string;
  subject: PolicyMarkerSubject;
}

/** The marker type that every involved agency sees. */
export const STAFF_SAFETY_MARKER = 'staff_safety';

/** True when the user may see the marker. */
export function canSeeMarker(user: PolicyUser, marker: PolicyMarker, at?: string): boolean {
  if (!readsCases(user)) {
    return false;
  }
  const staffSafety = marker.markerType === STAFF_SAFETY_MARKER;
  const subject = marker.subject;
  switch (subject.type) {
    case 'case':
      return canSeeCase(user, subject.case, at) || (staffSafety && involvedInCase(user, subject.case));
    case 'person':
      return (
        marker.ownerAgencyId === user.agencyId ||
        personView(user, subject.person, at) === 'full' ||
        (staffSafety && agencyInvolvedWithPerson(user, subject.person))
      );
    case 'location':
      return canSeeLocation(user, subject, at) || (staffSafety && subject.cases.some((c) => involvedInCase(user, c)));
  }
}

function involvedInCase(user: PolicyUser, c: PolicyCase): boolean {
  return c.ownerAgencyId === user.agencyId || (c.sharingLevel === 'shared' && c.sharedAgencyIds.includes(user.agencyId));
}
