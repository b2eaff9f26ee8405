/** Roles and account states in words for the administration screens. */
import type { Role } from '../../../domain/vocabulary.ts';

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
