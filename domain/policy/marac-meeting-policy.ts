/**
 * Who does what with a MARAC meeting (docs/marac.md, docs/access.md). Pure and synchronous:
 * the server loads the inputs, these functions decide.
 *
 * * The area's coordinating agency's MARAC coordinators run the meeting (schedule, agenda,
 *   attendees, minutes, actions, packs).
 * * Users of the coordinating agency and of the attendees' agencies see the meeting; each agenda
 *   case is seen only by those who see the case.
 * * Research is a report of its agency inside the case. Until the meeting date it is seen only by
 *   that agency and the area's coordinators; from the meeting date by whoever sees the case, unless
 *   the agency restricted it to itself.
 * * When a case goes on the agenda, it is shared with the agencies whose attendee has acknowledged
 *   confidentiality, only when the case is already `shared` and only within the owner's agreements.
 */
import { canSeeCase, type PolicyCase } from './case-policy.ts';
import { readsCases, type PolicyUser } from './policy-user.ts';
import { canSeeReport, type PolicyReport } from './report-policy.ts';
import { disallowedShareTargets, type PolicySharingAgreements } from './sharing-agreements.ts';

/** The parts of a meeting the policy looks at. */
export interface PolicyMeeting {
  coordinatorAgencyId: string;
  /** The meeting's calendar date, `YYYY-MM-DD`. */
  date: string;
  /** The agencies of the meeting's attendees. */
  attendeeAgencyIds: readonly string[];
}

/** One research item's policy inputs. */
export interface PolicyResearch {
  agencyId: string;
  teamId: string | null;
  authorUserId: string;
  /** True when the agency kept it to itself (e.g. police intelligence). */
  restricted: boolean;
}

/** True when the user coordinates the meeting's area: a MARAC coordinator of the coordinating agency. */
export function runsMeeting(user: PolicyUser, meeting: Pick<PolicyMeeting, 'coordinatorAgencyId'>): boolean {
  return user.role === 'marac_coordinator' && user.agencyId === meeting.coordinatorAgencyId;
}

/** True when the user sees the meeting's details (not its cases: each case keeps its own policy). */
export function seesMeeting(user: PolicyUser, meeting: PolicyMeeting): boolean {
  return readsCases(user) && (user.agencyId === meeting.coordinatorAgencyId || meeting.attendeeAgencyIds.includes(user.agencyId));
}

/** True when the user may add research on the meeting: their agency attends or coordinates it. */
export function addsResearch(user: PolicyUser, meeting: PolicyMeeting, c: PolicyCase, at?: string): boolean {
  return seesMeeting(user, meeting) && canSeeCase(user, c, at);
}

/** The research item as a report of its agency: restricted means the agency's own. */
export function researchAsReport(r: PolicyResearch): PolicyReport {
  return {
    authorAgencyId: r.agencyId, authorTeamId: r.teamId, authorUserId: r.authorUserId,
    sharingLevel: r.restricted ? 'owner_agency' : 'case', sharedAgencyIds: [], sharedTeamIds: [], sharedUserIds: [],
  };
}

/**
 * True when the user may read the research item on `today` (`YYYY-MM-DD`, UK date): never without
 * the case, never past the agency's restriction, and before the meeting date only for the authoring
 * agency and the area's coordinators.
 */
export function canSeeMeetingResearch(
  user: PolicyUser, r: PolicyResearch, meeting: Pick<PolicyMeeting, 'coordinatorAgencyId' | 'date'>, c: PolicyCase, today: string, at?: string,
): boolean {
  if (!canSeeReport(user, researchAsReport(r), c, at)) {
    return false;
  }
  if (today >= meeting.date) {
    return true;
  }
  return user.agencyId === r.agencyId || runsMeeting(user, meeting);
}

/** What putting a case on the agenda shares: agencies to add, and those the owner has no agreement with. */
export interface AgendaShare {
  add: string[];
  refused: string[];
}

/**
 * The agencies an agenda case is shared with: the acknowledged attendees' agencies that do not see
 * it yet, only for a case already shared beyond its owner (`shared`), and only within the owner's
 * sharing agreements. A case kept to its owner's agency, team or user is never widened.
 */
export function agendaShareTargets(
  c: PolicyCase, agreements: PolicySharingAgreements, acknowledgedAgencyIds: readonly string[],
): AgendaShare {
  if (c.sharingLevel !== 'shared') {
    return { add: [], refused: [] };
  }
  const wanted = [...new Set(acknowledgedAgencyIds)]
    .filter((a) => a !== c.ownerAgencyId && !c.sharedAgencyIds.includes(a)).sort();
  const refused = disallowedShareTargets(c.ownerAgencyId, agreements, wanted);
  return { add: wanted.filter((a) => !refused.includes(a)), refused };
}
