import { describe, expect, it } from 'vitest';
import type { SharingAgency } from '../../../domain/entities/sharing.ts';
import type { PolicyCase } from '../../../domain/policy/case-policy.ts';
import { sharingOffer } from './sharing-options.ts';

const agencies: SharingAgency[] = [
  { id: 'nsp', name: 'Northshire Police', mayShare: true, teams: [{ id: 'npn', name: 'NPN' }], users: [{ id: 'amelia', displayName: 'PC Amelia Hart', teamIds: ['npn'] }] },
  {
    id: 'rcc', name: 'Riverton City Council', mayShare: true, teams: [{ id: 'asb', name: 'ASB' }, { id: 'care', name: 'Care' }],
    users: [{ id: 'raj', displayName: 'Raj Patel', teamIds: ['asb'] }, { id: 'helen', displayName: 'Helen Clarke', teamIds: ['care'] }],
  },
  { id: 'rha', name: 'Riverton Homes', mayShare: false, teams: [], users: [] },
];
const LEVELS = ['case', 'owner_only', 'owner_team', 'owner_agency', 'shared'] as const;

describe('what the sharing dialog offers', () => {
  it('offers a case every partner it may share with, never its own agency or one without an agreement', () => {
    const offer = sharingOffer(LEVELS.slice(1), { agencyId: 'nsp', teamId: 'npn', userId: 'amelia' }, agencies, null);
    expect(offer.levels).toEqual(['owner_only', 'owner_team', 'owner_agency', 'shared']);
    expect(offer.agencies.map((a) => [a.id, a.whole, a.teams.length, a.users.length])).toEqual([['rcc', true, 2, 2]]);
  });

  it("offers a report only what its case admits: the council's ASB team, not the whole council", () => {
    const bounds: PolicyCase = { ownerAgencyId: 'nsp', ownerTeamId: 'npn', ownerUserId: null, sharingLevel: 'shared', sharedAgencyIds: [], sharedTeamIds: ['asb'] };
    const offer = sharingOffer(LEVELS, { agencyId: 'nsp', teamId: 'npn', userId: 'amelia' }, agencies, bounds);
    expect(offer.levels).toEqual([...LEVELS]);
    expect(offer.agencies).toEqual([{ id: 'rcc', name: 'Riverton City Council', whole: false, teams: [{ id: 'asb', name: 'ASB' }], users: [{ id: 'raj', displayName: 'Raj Patel' }] }]);
  });

  it("does not offer a partner author's whole agency when the case admits only one of its teams", () => {
    const bounds: PolicyCase = { ownerAgencyId: 'nsp', ownerTeamId: 'npn', ownerUserId: null, sharingLevel: 'shared', sharedAgencyIds: [], sharedTeamIds: ['asb'] };
    const offer = sharingOffer(LEVELS, { agencyId: 'rcc', teamId: 'asb', userId: 'raj' }, agencies, bounds);
    expect(offer.levels).toEqual(['case', 'owner_only', 'owner_team']);
  });
});
