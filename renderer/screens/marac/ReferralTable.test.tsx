import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { MaracReferralRecord } from '../../../domain/entities/marac-referral.ts';
import { ReferralTable } from './ReferralTable.tsx';

const id = (n: number) => `0b6a3c1e-0000-4000-8000-${String(n).padStart(12, '0')}`;
const referral = (overrides: Partial<MaracReferralRecord> = {}): MaracReferralRecord => ({
  id: id(1), caseId: id(2), caseReference: 'HVS-2026-00001', maracArea: { id: id(3), name: 'Riverton MARAC' },
  referringAgency: { id: id(4), name: 'Haven Victim Support' }, referredBy: { id: id(5), displayName: 'Nia Roberts' },
  referredOn: '2026-12-04', dashAssessmentId: id(6), score: 15, band: 'high', criteria: ['visible_high_risk'], repeat: false, repeatOfReferralId: null,
  victim: { personId: id(7), displayName: 'Ottoline Quennell', dateOfBirth: '1990-01-01', address: null, phone: null, safeToCall: true, safeContactTimes: null },
  perpetrators: [], children: [], contact: { name: 'Nia Roberts', phone: '01000 000000', email: null },
  diversity: { ethnicity: null, disability: 'not_known', sexualOrientation: null, lgbtPlus: 'not_known', gender: 'female' },
  incidentDates: [], professionalJudgementReasons: null, consent: { victimAware: true, consentGiven: true, justification: null },
  afraidOf: null, previousMaracs: null, createdAt: '2026-12-04T10:00:00.000Z', ...overrides,
});

describe('the referral table', () => {
  it('shows the date in en-GB words, the score, the band and the criteria in words', () => {
    const html = renderToStaticMarkup(<ReferralTable referrals={[referral()]} labelledBy="t" />);
    expect(html).toContain('4 Dec 2026');
    expect(html).toContain('<td>15</td><td>High</td><td>Visible high risk (14 or more)</td><td>No</td>');
    expect(html).toContain('Ottoline Quennell');
  });

  it('says a repeat in words', () => {
    const html = renderToStaticMarkup(<ReferralTable referrals={[referral({ repeat: true, criteria: ['visible_high_risk', 'repeat'] })]} labelledBy="t" />);
    expect(html).toContain('Visible high risk (14 or more), Repeat');
    expect(html).toMatch(/<strong[^>]*>Repeat<\/strong>/);
  });

  it('says when there are none', () => {
    expect(renderToStaticMarkup(<ReferralTable referrals={[]} labelledBy="t" />)).toContain('No referrals to your MARAC areas yet.');
  });
});
