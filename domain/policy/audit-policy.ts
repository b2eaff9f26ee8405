/** Whose audit trail a user may search (docs/audit.md): pure, synchronous, I/O-free. */
import type { PolicyUser } from './policy-user.ts';

/**
 * The events a searcher may see. `agency`: every event in the agency's trail (its own staff's, and
 * anyone's on records it owns). `staff`: events by the members of these teams, within the agency.
 */
export type AuditScope =
  | { kind: 'agency'; agencyId: string }
  | { kind: 'staff'; agencyId: string; teamIds: readonly string[] };

/** The user's audit scope, or null when they may not search the trail at all. */
export function auditScopeOf(user: PolicyUser): AuditScope | null {
  if (user.role === 'data_officer') {
    return { kind: 'agency', agencyId: user.agencyId };
  }
  if (user.role === 'team_manager') {
    return { kind: 'staff', agencyId: user.agencyId, teamIds: [...user.teamIds] };
  }
  return null;
}

/**
 * True when a data officer may open a case's content through break-glass: only a case their own
 * agency owns, and only with a justification (checked by the route's schema), always audited.
 */
export function mayBreakGlass(user: PolicyUser, caseOwnerAgencyId: string): boolean {
  return user.role === 'data_officer' && caseOwnerAgencyId === user.agencyId;
}

/**
 * Who a break-glass view reads as: the owner agency as its managers see it (every team of the
 * agency, a manager's view), never more than the agency itself could see; it never writes.
 */
export function breakGlassViewer(user: PolicyUser, agencyTeamIds: readonly string[]): PolicyUser {
  return { id: user.id, agencyId: user.agencyId, teamIds: [...agencyTeamIds], role: 'team_manager' };
}
