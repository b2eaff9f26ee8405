import { describe, expect, it } from 'vitest';
import type { SharingAgency, SharingOwner } from '../../domain/entities/sharing.ts';
import { hiddenFromSearchWords, joinNames, sharingErrorMessage, sharingSummary, type SharingChoice } from './sharing-words.ts';

const agencies: SharingAgency[] = [
  {
    id: 'nsp', name: 'Northshire Police', mayShare: true,
    teams: [{ id: 'npn', name: 'Neighbourhood Policing North' }],
    users: [{ id: 'amelia', displayName: 'PC Amelia Hart', teamIds: ['npn'] }],
  },
  {
    id: 'rcc', name: 'Riverton City Council', mayShare: true,
    teams: [{ id: 'asb', name: 'ASB team' }, { id: 'care', name: 'Adult Social Care' }],
    users: [{ id: 'raj', displayName: 'Raj Patel', teamIds: ['asb'] }],
  },
  { id: 'rha', name: 'Riverton Homes Association', mayShare: true, teams: [], users: [{ id: 'sara', displayName: 'Sara Khan', teamIds: [] }] },
];
const owner: SharingOwner = { agencyId: 'nsp', teamId: 'npn', userId: 'amelia' };
const choice = (c: Partial<SharingChoice>): SharingChoice => ({ sharingLevel: 'shared', agencyIds: [], teamIds: [], userIds: [], ...c });

describe('the sharing summary', () => {
  it("names the owner agency's staff and a partner's team, as the issue words it", () => {
    expect(sharingSummary(choice({ teamIds: ['asb'] }), owner, agencies))
      .toBe('Visible to: Northshire Police — all staff; Riverton City Council — ASB team');
  });

  it('says "all staff" for a whole agency, groups teams and people by agency, in the directory order', () => {
    expect(sharingSummary(choice({ userIds: ['sara'], agencyIds: ['rcc'], teamIds: ['care'] }), owner, agencies))
      .toBe('Visible to: Northshire Police — all staff; Riverton City Council — all staff; Riverton Homes Association — Sara Khan');
    expect(sharingSummary(choice({ teamIds: ['care'], userIds: ['raj'] }), owner, agencies))
      .toBe('Visible to: Northshire Police — all staff; Riverton City Council — Adult Social Care, Raj Patel');
  });

  it('words the owner levels', () => {
    expect(sharingSummary(choice({ sharingLevel: 'owner_agency' }), owner, agencies)).toBe('Visible to: Northshire Police — all staff');
    expect(sharingSummary(choice({ sharingLevel: 'owner_team' }), owner, agencies))
      .toBe('Visible to: Northshire Police — Neighbourhood Policing North and PC Amelia Hart');
    expect(sharingSummary(choice({ sharingLevel: 'owner_only' }), owner, agencies))
      .toBe('Visible to: Northshire Police — PC Amelia Hart and the managers of Neighbourhood Policing North only');
    expect(sharingSummary(choice({ sharingLevel: 'owner_only' }), { agencyId: 'nsp', teamId: null, userId: null }, agencies))
      .toBe('Visible to: Northshire Police — no one until an owner is set');
  });

  it('ignores named grantees at other levels, and never shows a raw id', () => {
    expect(sharingSummary(choice({ sharingLevel: 'owner_agency', teamIds: ['asb'] }), owner, agencies)).toBe('Visible to: Northshire Police — all staff');
    expect(sharingSummary(choice({ teamIds: ['gone'] }), owner, agencies)).toBe('Visible to: Northshire Police — all staff; an agency not in your directory — a team not in your directory');
  });

  it("a report that follows the case says so, with the case's summary", () => {
    expect(sharingSummary(choice({ sharingLevel: 'case' }), owner, agencies, 'Visible to: Northshire Police — all staff'))
      .toBe('Follows the case. Visible to: Northshire Police — all staff');
  });
});

describe('the other sharing words', () => {
  it('joins names as prose', () => {
    expect([joinNames([]), joinNames(['A']), joinNames(['A', 'B']), joinNames(['A', 'B', 'C'])]).toEqual(['', 'A', 'A and B', 'A, B and C']);
  });
  it('says whether search shows it', () => {
    expect(hiddenFromSearchWords(true)).toContain('Hidden from search');
    expect(hiddenFromSearchWords(false)).toContain('Shown in search');
  });
  it("keeps the server's words for a refusal that names an agency, and words being offline", () => {
    expect(sharingErrorMessage({ code: 'validation_error', message: 'No information sharing agreement with: Test Housing (TH).' })).toContain('Test Housing');
    expect(sharingErrorMessage({ code: 'network_error', message: 'x' })).toContain('connected');
  });
});
