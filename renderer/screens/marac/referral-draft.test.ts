import { describe, expect, it } from 'vitest';
import { CreateMaracReferralBodySchema } from '../../../domain/entities/marac-referral.ts';
import { emptyReferralDraft, referralBody } from './referral-draft.ts';

const id = (n: number) => `0b6a3c1e-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('the referral draft', () => {
  it('becomes a body the domain schema accepts once the required fields are filled, with empty text as null', () => {
    const draft = {
      ...emptyReferralDraft(), maracAreaId: id(1), contactName: 'Nia Roberts', contactPhone: '01000 000000',
      perpetrators: [
        { id: id(2), name: 'Caspian Marrowby', relationshipToVictim: 'Partner', address: '' },
        { id: id(6), name: 'Lucan Marrowby', relationshipToVictim: ' Brother-in-law ', address: '2 Synthetic Row' },
      ],
      victimAware: true, consentGiven: true,
      children: [{ id: id(3), name: 'Ivy', relationshipToVictim: 'Daughter', relationshipToPerpetrator: 'Daughter', school: '' }],
      incidentDates: ['2026-11-01', ''],
    };
    const body = referralBody(draft, id(4), id(5), '2026-12-04');
    expect(body.victim).toEqual({ personId: id(4), address: null, phone: null, safeToCall: false, safeContactTimes: null });
    expect(body.children).toEqual([{ personId: id(3), relationshipToVictim: 'Daughter', relationshipToPerpetrator: 'Daughter', school: null }]);
    expect(body.incidentDates).toEqual(['2026-11-01']);
    expect(body.perpetrators).toEqual([
      { personId: id(2), relationshipToVictim: 'Partner', address: null },
      { personId: id(6), relationshipToVictim: 'Brother-in-law', address: '2 Synthetic Row' },
    ]);
    expect(CreateMaracReferralBodySchema.safeParse(body).success).toBe(true);
  });

  it('without consent, needs the justification the user chose; without a perpetrator, is refused by the schema', () => {
    const base = { ...emptyReferralDraft(), maracAreaId: id(1), contactName: 'N', contactPhone: '1', perpetrators: [{ id: id(2), name: 'C', relationshipToVictim: 'Partner', address: '' }] };
    expect(CreateMaracReferralBodySchema.safeParse(referralBody(base, id(4), id(5), '2026-12-04')).success).toBe(false);
    const justified = referralBody({ ...base, justification: 'child_protection' }, id(4), id(5), '2026-12-04');
    expect(justified.consent).toEqual({ victimAware: false, consentGiven: false, justification: 'child_protection' });
    expect(CreateMaracReferralBodySchema.safeParse(justified).success).toBe(true);
    expect(CreateMaracReferralBodySchema.safeParse(referralBody({ ...base, perpetrators: [], justification: 'child_protection' }, id(4), id(5), '2026-12-04')).success).toBe(false);
  });

  it('links the case a referral was started from, and opens a new one otherwise', () => {
    const base = { ...emptyReferralDraft(), maracAreaId: id(1), contactName: 'N', contactPhone: '1', victimAware: true, consentGiven: true, perpetrators: [{ id: id(2), name: 'C', relationshipToVictim: 'Partner', address: '' }] };
    const linked = referralBody(base, id(4), id(5), '2026-12-04', id(7));
    expect(CreateMaracReferralBodySchema.parse(linked).caseId).toBe(id(7));
    expect(CreateMaracReferralBodySchema.parse(referralBody(base, id(4), id(5), '2026-12-04')).caseId).toBeNull();
  });
});
