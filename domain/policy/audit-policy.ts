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
