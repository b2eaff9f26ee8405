import { describe, expect, it } from 'vitest';
import type { PolicyCase } from './case-policy.ts';
import type { PolicyUser } from './policy-user.ts';
import { fitsCase, widerThanCase, type DirectoryLookup } from './within-case.ts';

const users: Record<string, PolicyUser> = {
  author: { id: 'author', agencyId: 'police', teamIds: ['ppu'], role: 'practitioner' },
  raj: { id: 'raj', agencyId: 'council', teamIds: ['asb'], role: 'practitioner' },
  sara: { id: 'sara', agencyId: 'housing', teamIds: ['tenancy'], role: 'practitioner' },
};
const directory: DirectoryLookup = {
  teamAgency: (t) => ({ ppu: 'police', npn: 'police', asb: 'council', care: 'council', tenancy: 'housing' })[t],
  user: (u) => users[u],
};
const author = { ...users.author!, teamId: 'ppu' };
const none = { agencyIds: [], teamIds: [], userIds: [] };
const sharedWithAsb: PolicyCase = {
  ownerAgencyId: 'police', ownerTeamId: 'ppu', ownerUserId: 'author', sharingLevel: 'shared', sharedAgencyIds: [], sharedTeamIds: ['asb'], sharedUserIds: [],
};

describe('a restriction never wider than its case', () => {
  it('lets a report follow the case or narrow it', () => {
    for (const level of ['case', 'owner_only', 'owner_team', 'owner_agency'] as const) {
      expect(fitsCase(widerThanCase(sharedWithAsb, { level, owner: author, ...none }, directory)), level).toBe(true);
    }
  });

  it('admits a team or user the case admits, and names what it does not', () => {
    const parts = widerThanCase(sharedWithAsb, {
      level: 'shared', owner: author, agencyIds: ['council'], teamIds: ['asb', 'care'], userIds: ['raj', 'sara'],
    }, directory);
    expect(parts).toEqual({ level: false, agencyIds: ['council'], teamIds: ['care'], userIds: ['sara'] });
  });

  it("refuses the author's whole agency when the case admits only the owner team", () => {
    const c: PolicyCase = { ...sharedWithAsb, sharingLevel: 'owner_team', sharedTeamIds: [] };
    expect(widerThanCase(c, { level: 'owner_agency', owner: author, ...none }, directory).level).toBe(true);
    expect(fitsCase(widerThanCase(c, { level: 'owner_team', owner: author, ...none }, directory))).toBe(true);
    expect(widerThanCase(c, { level: 'owner_team', owner: { ...author, teamId: 'npn' }, ...none }, directory).level).toBe(true);
  });

  it('counts an unknown team or user as beyond the case', () => {
    expect(widerThanCase(sharedWithAsb, { level: 'shared', owner: author, agencyIds: [], teamIds: ['ghost'], userIds: ['nobody'] }, directory))
      .toMatchObject({ teamIds: ['ghost'], userIds: ['nobody'] });
  });
});
