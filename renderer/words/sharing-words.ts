/**
 * The sharing dialog's words: a plain-language summary of who can see a case, report or document
 * ("Visible to: Northshire Police — all staff; Riverton City Council — ASB team"), the level
 * labels, and what a refused change is told.
 */
import type { SharingAgency, SharingOwner } from '../../domain/entities/sharing.ts';
import type { ErrorBody } from '../../domain/errors.ts';
import type { SharingLevel } from '../../domain/vocabulary.ts';
import { errorMessage } from './error-messages.ts';

/** A choice in the dialog: a level (or `case`, following the case) and the named agencies, teams and users. */
export interface SharingChoice {
  sharingLevel: SharingLevel | 'case';
  agencyIds: readonly string[];
  teamIds: readonly string[];
  userIds: readonly string[];
}

/** The level labels, as the dialog's radio buttons read. */
export const SHARING_LEVEL_LABELS: Record<SharingLevel | 'case', string> = {
  case: 'Follow the case',
  owner_only: 'Owner only',
  owner_team: 'Owner team',
  owner_agency: 'Owner agency',
  shared: 'Named agencies, teams and people',
};

/** Joins names as en-GB prose: "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) {
    return names[0] ?? '';
  }
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
}

/** Looks names up in the directory; an id it does not hold is worded, never shown raw. */
function namesOf(agencies: readonly SharingAgency[]) {
  const agency = (id: string) => agencies.find((a) => a.id === id);
  const teamOf = (id: string) => agencies.flatMap((a) => a.teams.map((t) => ({ ...t, agencyId: a.id }))).find((t) => t.id === id);
  const userOf = (id: string) => agencies.flatMap((a) => a.users.map((u) => ({ ...u, agencyId: a.id }))).find((u) => u.id === id);
  return { agency, teamOf, userOf, agencyName: (id: string) => agency(id)?.name ?? 'an agency not in your directory' };
}

/** Who a level admits, relative to the owner, as "Agency — who" parts. */
function ownerParts(level: SharingLevel, owner: SharingOwner, agencies: readonly SharingAgency[]): string[] {
  const n = namesOf(agencies);
  const agencyName = n.agencyName(owner.agencyId);
  const user = owner.userId === null ? undefined : n.userOf(owner.userId)?.displayName ?? 'its owner';
  const team = owner.teamId === null ? undefined : n.teamOf(owner.teamId)?.name ?? 'its owner team';
  switch (level) {
    case 'owner_agency':
    case 'shared':
      return [`${agencyName} — all staff`];
    case 'owner_team':
      if (team !== undefined) {
        return [`${agencyName} — ${team}${user === undefined ? '' : ` and ${user}`}`];
      }
      return ownerParts('owner_only', owner, agencies);
    case 'owner_only': {
      const who = [...(user === undefined ? [] : [user]), ...(team === undefined ? [] : [`the managers of ${team}`])];
      return [`${agencyName} — ${who.length === 0 ? 'no one until an owner is set' : `${joinNames(who)} only`}`];
    }
  }
}

/**
 * "Visible to: …" for a choice. `caseSummary` is the summary of the case a report or document
 * follows, used for the `case` level.
 */
export function sharingSummary(choice: SharingChoice, owner: SharingOwner, agencies: readonly SharingAgency[], caseSummary = ''): string {
  if (choice.sharingLevel === 'case') {
    return `Follows the case. ${caseSummary}`.trim();
  }
  const parts = ownerParts(choice.sharingLevel, owner, agencies);
  if (choice.sharingLevel === 'shared') {
    const n = namesOf(agencies);
    // Group the named grantees by agency, in the directory's order; a whole agency is "all staff".
    const byAgency = new Map<string, string[]>();
    const add = (agencyId: string, name: string) => byAgency.set(agencyId, [...(byAgency.get(agencyId) ?? []), name]);
    for (const id of choice.agencyIds.filter((a) => a !== owner.agencyId)) {
      add(id, 'all staff');
    }
    for (const id of choice.teamIds) {
      const team = n.teamOf(id);
      add(team?.agencyId ?? '', team?.name ?? 'a team not in your directory');
    }
    for (const id of choice.userIds) {
      const user = n.userOf(id);
      add(user?.agencyId ?? '', user?.displayName ?? 'a person not in your directory');
    }
    const order = [...agencies.map((a) => a.id), ...[...byAgency.keys()].filter((k) => !agencies.some((a) => a.id === k))];
    for (const agencyId of order.filter((id) => id !== owner.agencyId && byAgency.has(id))) {
      const names = byAgency.get(agencyId)!;
      parts.push(`${n.agencyName(agencyId)} — ${names.includes('all staff') ? 'all staff' : names.join(', ')}`);
    }
  }
  return `Visible to: ${parts.join('; ')}`;
}

/** The line about search the summary ends with, for a case. */
export function hiddenFromSearchWords(hidden: boolean): string {
  return hidden ? 'Hidden from search: people who cannot see it are not told it exists.' : 'Shown in search to those who can see it.';
}

// The codes a sharing change has causes of its own for; the rest keep their general words.
const WORDS: Partial<Record<ErrorBody['code'], string>> = {
  network_error: 'Sharing is decided on the server: try again when this computer is connected.',
  authorization_error: 'You cannot change who sees this: only its owner (or their team manager) can.',
  not_found: 'This can no longer be found. It may have been removed, or you may no longer have access.',
};

/** The words for a refused sharing change; a validation refusal keeps the server's own words (they name the agency). */
export function sharingErrorMessage(error: ErrorBody): string {
  if (error.code === 'validation_error') {
    return error.message;
  }
  return WORDS[error.code] ?? errorMessage(error.code);
}
