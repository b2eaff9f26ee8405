/**
 * What the sharing dialog offers: the levels, and at level `shared` the agencies (whole), teams and
 * people the owner's agency may name. For a report or document the choices are limited to those
 * its case already admits (domain/policy/within-case.ts), so the dialog never offers a wider one.
 */
import type { SharingAgency, SharingOwner } from '../../../domain/entities/sharing.ts';
import type { PolicyCase } from '../../../domain/policy/case-policy.ts';
import type { PolicyUser } from '../../../domain/policy/policy-user.ts';
import { caseAdmitsAgency, caseAdmitsTeam, caseAdmitsUser, fitsCase, widerThanCase } from '../../../domain/policy/within-case.ts';
import type { SharingLevel } from '../../../domain/vocabulary.ts';

/** One agency as the dialog offers it: whether it may be named whole, and which teams and people. */
export interface OfferedAgency {
  id: string;
  name: string;
  whole: boolean;
  teams: { id: string; name: string }[];
  users: { id: string; displayName: string }[];
}

/** The dialog's choices. */
export interface SharingOffer {
  levels: (SharingLevel | 'case')[];
  agencies: OfferedAgency[];
}

const asUser = (id: string, agencyId: string, teamIds: readonly string[]): PolicyUser => ({ id, agencyId, teamIds, role: 'practitioner' });

/**
 * The choices for `owner`'s record among `agencies` (the caller's directory). `bounds` is the case a
 * report or document stays within; null for the case itself.
 */
export function sharingOffer(levels: readonly (SharingLevel | 'case')[], owner: SharingOwner, agencies: readonly SharingAgency[], bounds: PolicyCase | null): SharingOffer {
  const ownerTeams = agencies.find((a) => a.id === owner.agencyId)?.users.find((u) => u.id === owner.userId)?.teamIds ?? [];
  const ownerUser = { ...asUser(owner.userId ?? '', owner.agencyId, ownerTeams), teamId: owner.teamId };
  const none = { agencyIds: [], teamIds: [], userIds: [] };
  const offeredLevels = bounds === null ? [...levels]
    : levels.filter((level) => fitsCase(widerThanCase(bounds, { level, owner: ownerUser, ...none }, { teamAgency: () => undefined, user: () => undefined })));
  const offered = agencies.filter((a) => a.mayShare && a.id !== owner.agencyId).map((a) => ({
    id: a.id,
    name: a.name,
    whole: bounds === null || caseAdmitsAgency(bounds, a.id),
    teams: a.teams.filter((t) => bounds === null || caseAdmitsTeam(bounds, t.id, a.id)),
    users: a.users.filter((u) => bounds === null || caseAdmitsUser(bounds, asUser(u.id, a.id, u.teamIds))).map((u) => ({ id: u.id, displayName: u.displayName })),
  })).filter((a) => a.whole || a.teams.length + a.users.length > 0);
  return { levels: offeredLevels, agencies: offered };
}
