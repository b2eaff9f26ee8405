import { describe, expect, it } from 'vitest';
import { MARAC_CASE_TYPE } from '../../../domain/entities/case-type.ts';
import { caseVictims, linkedCaseRefusal, offersMaracReferral, ReferralCaseSearchSchema } from './referral-case.ts';

const id = (n: number) => `0b6a3c1e-0000-4000-8000-${String(n).padStart(12, '0')}`;
const abilities = (update: boolean) => ({
  read: true, update, share: false, close: false, transfer: false, add_report: false, add_task: false, add_document: false, link: false,
});

describe('a MARAC referral from a case', () => {
  it('is offered on a case of the MARAC type (by its code, whatever the type is called) that the user may change', () => {
    expect(offersMaracReferral({ caseType: MARAC_CASE_TYPE, abilities: abilities(true) })).toBe(true);
    expect(offersMaracReferral({ caseType: MARAC_CASE_TYPE, abilities: abilities(false) })).toBe(false);
    expect(offersMaracReferral({ caseType: 'asb', abilities: abilities(true) })).toBe(false);
  });

  it("offers the case's victims held by name, each once, and nobody in another role", () => {
    expect(caseVictims([
      { id: id(1), personId: id(11), role: 'perpetrator', displayName: 'Caspian Synthwood' },
      { id: id(2), personId: id(12), role: 'victim', displayName: 'Rosalind Synthwood' },
      { id: id(3), personId: id(13), role: 'victim', displayName: null },
      { id: id(4), personId: id(12), role: 'victim', displayName: 'Rosalind Synthwood' },
      { id: id(5), personId: id(14), role: 'child', displayName: 'Ivy Synthwood' },
      { id: id(6), personId: id(15), role: 'victim', displayName: 'Opal Synthwood' },
    ])).toEqual([{ id: id(12), name: 'Rosalind Synthwood' }, { id: id(15), name: 'Opal Synthwood' }]);
  });

  it('keeps a case id from the URL and drops anything else', () => {
    expect(ReferralCaseSearchSchema.parse({ case: id(1) })).toEqual({ case: id(1) });
    expect(ReferralCaseSearchSchema.parse({ case: 'not-an-id' })).toEqual({ case: undefined });
    expect(ReferralCaseSearchSchema.parse({})).toEqual({});
  });

  it("turns the server's refusal of a case the coordinating agency cannot see into the way forward", () => {
    expect(linkedCaseRefusal("Invalid body at caseId: share the case with the MARAC area's coordinating agency before referring it.")).toContain('Share the case with them');
    expect(linkedCaseRefusal('Invalid body at contact.phone: required')).toBeNull();
  });
});
