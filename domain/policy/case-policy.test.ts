import { describe, expect, it } from 'vitest';
import { canSeeCase, type PolicyCase, type PolicyUser } from './case-policy.ts';

const user = (overrides: Partial<PolicyUser> = {}): PolicyUser => ({ id: 'u1', agencyId: 'police', teamIds: ['ppu'], role: 'practitioner', ...overrides });
const aCase = (overrides: Partial<PolicyCase> = {}): PolicyCase => ({
  ownerAgencyId: 'police', ownerTeamId: 'ppu', ownerUserId: 'u9', sharingLevel: 'owner_agency', sharedAgencyIds: [], ...overrides,
});

describe('case visibility policy', () => {
  it('lets everyone in the owner agency see an owner-agency case, and nobody else', () => {
    expect(canSeeCase(user(), aCase())).toBe(true);
    expect(canSeeCase(user({ agencyId: 'council' }), aCase())).toBe(false);
  });

  it('lets a named agency see a shared case, but not an agency it was not shared with', () => {
    const shared = aCase({ sharingLevel: 'shared', sharedAgencyIds: ['council'] });
    expect(canSeeCase(user({ agencyId: 'council', teamIds: [] }), shared)).toBe(true);
    expect(canSeeCase(user({ agencyId: 'housing', teamIds: [] }), shared)).toBe(false);
  });

  it('does not let a shared list widen an owner-agency case', () => {
    expect(canSeeCase(user({ agencyId: 'council' }), aCase({ sharedAgencyIds: ['council'] }))).toBe(false);
  });

  it('limits an owner-team case to the owning team', () => {
    const teamCase = aCase({ sharingLevel: 'owner_team' });
    expect(canSeeCase(user(), teamCase)).toBe(true);
    expect(canSeeCase(user({ teamIds: ['response'] }), teamCase)).toBe(false);
  });

  it('limits an owner-only case to its owner and the owning team manager', () => {
    const mine = aCase({ sharingLevel: 'owner_only', ownerUserId: 'u1' });
    expect(canSeeCase(user(), mine)).toBe(true);
    expect(canSeeCase(user({ id: 'u2' }), mine)).toBe(false);
    expect(canSeeCase(user({ id: 'u3', role: 'team_manager' }), mine)).toBe(true);
    expect(canSeeCase(user({ id: 'u3', role: 'team_manager', teamIds: ['response'] }), mine)).toBe(false);
  });

  it('gives data officers and system admins no case content', () => {
    expect(canSeeCase(user({ role: 'data_officer' }), aCase())).toBe(false);
    expect(canSeeCase(user({ role: 'system_admin' }), aCase())).toBe(false);
  });
});
