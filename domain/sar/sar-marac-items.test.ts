import { describe, expect, it } from 'vitest';
import type { MaracReferralRecord } from '../entities/marac-referral.ts';
import { maracReferralItem, referralRoleOf } from './sar-marac-items.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ref = (n: number, name: string) => ({ personId: id(n), displayName: name, dateOfBirth: null });
const referral: MaracReferralRecord = {
  id: id(1), caseId: id(2), caseReference: 'CB-0001', maracArea: { id: id(3), name: 'Synthetic MARAC' },
  referringAgency: { id: id(4), name: 'Synthetic IDVA' }, referredBy: { id: id(5), displayName: 'Synthetic worker' }, referredOn: '2026-11-10',
  dashAssessmentId: id(6), score: 15, band: 'high', criteria: ['visible_high_risk'], repeat: false, repeatOfReferralId: null,
  victim: { ...ref(10, 'Aster Synthwood'), address: '1 Synthetic Street', phone: '07000 000000', safeToCall: true, safeContactTimes: 'Mornings' },
  perpetrators: [{ ...ref(11, 'Corvin Blackstaff'), relationshipToVictim: 'Ex-partner', address: '9 Other Road' }],
  children: [{ ...ref(12, 'Juniper Synthwood'), relationshipToVictim: 'Daughter', relationshipToPerpetrator: 'Daughter', school: 'Synthetic Primary' }],
  contact: { name: 'Synthetic IDVA', phone: '01000 000000', email: null },
  diversity: { ethnicity: null, disability: 'not_known', sexualOrientation: null, lgbtPlus: 'not_known', gender: 'female' },
  incidentDates: [], professionalJudgementReasons: null, consent: { victimAware: true, consentGiven: true, justification: null },
  afraidOf: null, previousMaracs: null, createdAt: '2026-11-10T12:00:00.000Z',
};
const fieldsOf = (subject: number) => Object.fromEntries(maracReferralItem(referral, id(subject))!.fields.map((f) => [f.label, f.value]));

describe('a MARAC referral in a subject access request', () => {
  it('knows where the subject stands on it, and leaves it out for anyone not named', () => {
    expect([10, 11, 12, 13].map((n) => referralRoleOf(referral, id(n)))).toEqual(['victim', 'perpetrator', 'child', null]);
    expect(maracReferralItem(referral, id(13))).toBeNull();
  });

  it("gives the victim every field but other people's addresses and schools", () => {
    const text = JSON.stringify(fieldsOf(10));
    expect(fieldsOf(10)).toMatchObject({ Address: '1 Synthetic Street', 'Person causing harm 1': 'Corvin Blackstaff (Ex-partner)', 'Child 1': 'Juniper Synthwood (Daughter)' });
    expect(text).not.toContain('9 Other Road');
    expect(text).not.toContain('Synthetic Primary');
  });

  it("gives a child their own entry and nothing of the victim's contact or risk", () => {
    const text = JSON.stringify(fieldsOf(12));
    expect(fieldsOf(12)).toMatchObject({ 'Named on the referral as': 'A child', School: 'Synthetic Primary' });
    for (const secret of ['1 Synthetic Street', '07000 000000', 'DASH score', 'Corvin', '9 Other Road']) {
      expect(text, secret).not.toContain(secret);
    }
  });
});
