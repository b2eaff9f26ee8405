/**
 * Who works subject access requests and what the receiving agency may see of other agencies' parts
 * (docs/audit.md, "Subject access requests"): pure, synchronous, I/O-free.
 */
import type { SarConsultationStatus } from '../vocabulary.ts';
import type { PolicyUser } from './policy-user.ts';

/** True when the user logs and works SARs for their agency: data officers only. */
export function handlesSars(user: PolicyUser): boolean {
  return user.role === 'data_officer';
}

/** True when the user may answer a consultation addressed to `ownerAgencyId`: that agency's data officers. */
export function mayAnswerConsultation(user: PolicyUser, ownerAgencyId: string): boolean {
  return handlesSars(user) && user.agencyId === ownerAgencyId;
}

/**
 * True when the receiving agency may see an owner's part: only once released, and then only the
 * redacted copy the owner released. A pending or withheld part never reaches it.
 */
export function receivingAgencySeesPart(status: SarConsultationStatus): boolean {
  return status === 'released';
}

/**
 * Whom "what the agency holds" is read as: the agency as its managers see it, every team of the
 * agency, a manager's view (as `breakGlassViewer`), never more than the agency itself could see.
 * The id matches no user, so no one person's shares or grants widen it.
 */
export function sarHoldingsViewer(agencyId: string, agencyTeamIds: readonly string[]): PolicyUser {
  return { id: `sar-holdings:${agencyId}`, agencyId, teamIds: [...agencyTeamIds], role: 'team_manager' };
}
