/** Roles, account states and kinds of agency in words for the administration screens. */
import type { AgencyKind, Role } from '../../../domain/vocabulary.ts';

const ROLE_WORDS: Record<Role, string> = {
  practitioner: 'Practitioner',
  team_manager: 'Team manager',
  agency_admin: 'Agency administrator',
  marac_coordinator: 'MARAC coordinator',
  data_officer: 'Data protection officer',
  system_admin: 'System administrator',
};

/** A role in words. */
export function roleWords(role: Role): string {
  return ROLE_WORDS[role];
}

/** An account's state in words: disabled first, then a pending password change. */
export function accountState(user: { disabled: boolean; mustChangePassword: boolean }): string {
  if (user.disabled) {
    return 'Disabled';
  }
  return user.mustChangePassword ? 'Active: must choose a new password' : 'Active';
}

const AGENCY_KIND_WORDS: Record<AgencyKind, string> = {
  police: 'Police',
  council: 'Council',
  housing: 'Housing provider',
  fire: 'Fire and rescue',
  probation: 'Probation',
  health: 'Health',
  charity: 'Charity',
};

/** The kinds of agency in the order offered. */
export const AGENCY_KIND_CHOICES = Object.keys(AGENCY_KIND_WORDS) as AgencyKind[];

/** A kind of agency in words. */
export function agencyKindWords(kind: AgencyKind): string {
  return AGENCY_KIND_WORDS[kind];
}
