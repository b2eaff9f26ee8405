import { describe, expect, it } from 'vitest';
import { canSeeMarker } from './marker-policy.ts';
import { canSeeNotification } from './notification-policy.ts';
import { canSeeIdentifier, personView, type PolicyPerson, type PolicyPersonCase } from './person-policy.ts';
import type { PolicyUser } from './policy-user.ts';

const housing: PolicyUser = { id: 'h1', agencyId: 'housing', teamIds: ['tenancy'], role: 'practitioner' };
const council: PolicyUser = { id: 'c1', agencyId: 'council', teamIds: [], role: 'practitioner' };
const aCase = (overrides: Partial<PolicyPersonCase> = {}): PolicyPersonCase => ({
  ownerAgencyId: 'housing', ownerTeamId: 'tenancy', ownerUserId: 'h1', sharingLevel: 'owner_agency', sharedAgencyIds: [], hiddenFromSearch: false, ...overrides,
});
/** A person owned by victim support, in one victim-support case and attached (from a stub) to one housing case. */
const person = (housingCase: Partial<PolicyPersonCase> = {}): PolicyPerson => ({
  ownerAgencyId: 'victim_support',
  cases: [aCase({ ownerAgencyId: 'victim_support', ownerTeamId: null, ownerUserId: null }), aCase({ profileOnly: true, ...housingCase })],
});

describe('person view after attaching a stub', () => {
  it('gives the attaching agency only the minimal profile, and a stub to others', () => {
    expect(personView(housing, person())).toBe('profile');
    expect(personView(council, person())).toBe('stub');
    expect(personView({ ...housing, agencyId: 'victim_support' }, person())).toBe('full');
  });

  it('gives a partner shown the attaching case no more than the attacher', () => {
    const shared = person({ sharingLevel: 'shared', sharedAgencyIds: ['council'] });
    expect(personView(council, shared)).toBe('profile');
  });

  it('keeps the full view through a case the person was added to by someone holding the full record', () => {
    expect(personView(housing, person({ profileOnly: false }))).toBe('full');
  });

  it('shows the profile through a visible case even when every case is hidden from search', () => {
    expect(personView(housing, person({ hiddenFromSearch: true }))).toBe('profile');
  });

  it('never shows a restricted identifier with the minimal profile, even one the agency recorded', () => {
    expect(canSeeIdentifier(housing, { agencyId: 'housing' }, 'profile')).toBe(false);
    expect(canSeeIdentifier(housing, { agencyId: 'housing' }, 'full')).toBe(true);
    expect(canSeeIdentifier(housing, { agencyId: 'victim_support' }, 'full')).toBe(false);
  });
});

describe('markers on an attached person', () => {
  const on = (markerType: string, ownerAgencyId = 'victim_support') => ({ markerType, ownerAgencyId, subject: { type: 'person' as const, person: person() } });

  it("shows the attaching agency the owner's staff-safety marker but not its other markers", () => {
    expect(canSeeMarker(housing, on('staff_safety'))).toBe(true);
    expect(canSeeMarker(housing, on('vulnerability'))).toBe(false);
    expect(canSeeMarker({ ...housing, agencyId: 'victim_support' }, on('vulnerability'))).toBe(true);
  });

  it('shows an agency its own marker on a person it sees only as a profile', () => {
    expect(canSeeMarker(housing, on('vulnerability', 'housing'))).toBe(true);
    expect(canSeeMarker(council, on('vulnerability', 'housing'))).toBe(false);
  });
});

describe('notifications', () => {
  it('reach the case-reading users of the addressed agency only', () => {
    expect(canSeeNotification(housing, { agencyId: 'housing' })).toBe(true);
    expect(canSeeNotification(council, { agencyId: 'housing' })).toBe(false);
    expect(canSeeNotification({ ...housing, role: 'data_officer' }, { agencyId: 'housing' })).toBe(false);
  });
});
