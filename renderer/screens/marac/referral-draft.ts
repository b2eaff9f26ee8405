/** The MARAC referral form as the user fills it in, and the body it becomes (pure). */
import type { CreateMaracReferralBody } from '../../../domain/entities/marac-referral.ts';
import type { Gender } from '../../../domain/entities/person.ts';
import type { NoConsentJustification } from '../../../domain/marac/referral-consent.ts';
import type { PickedPerson } from './PersonPicker.tsx';

type YesNoUnknown = 'yes' | 'no' | 'not_known';

/** The most perpetrators one referral names (the API's limit). */
export const MAX_PERPETRATORS = 5;

/** A perpetrator picked for the referral, with their relationship to the victim and address. */
export interface ReferralPerpetratorDraft extends PickedPerson {
  relationshipToVictim: string;
  address: string;
}

/** Every field of the form as text, flags and picked persons. */
export interface ReferralDraft {
  maracAreaId: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  victimAddress: string;
  victimPhone: string;
  safeToCall: boolean;
  safeContactTimes: string;
  ethnicity: string;
  disability: YesNoUnknown;
  sexualOrientation: string;
  lgbtPlus: YesNoUnknown;
  gender: Gender;
  perpetrators: ReferralPerpetratorDraft[];
  children: Array<PickedPerson & { relationshipToVictim: string; relationshipToPerpetrator: string; school: string }>;
  professionalJudgementReasons: string;
  incidentDates: string[];
  victimAware: boolean;
  consentGiven: boolean;
  justification: NoConsentJustification | '';
  afraidOf: string;
  previousMaracs: string;
}

/** An empty draft. */
export function emptyReferralDraft(): ReferralDraft {
  return {
    maracAreaId: '', contactName: '', contactPhone: '', contactEmail: '', victimAddress: '', victimPhone: '', safeToCall: false,
    safeContactTimes: '', ethnicity: '', disability: 'not_known', sexualOrientation: '', lgbtPlus: 'not_known', gender: 'female',
    perpetrators: [], children: [], professionalJudgementReasons: '',
    incidentDates: [], victimAware: false, consentGiven: false, justification: '', afraidOf: '', previousMaracs: '',
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The body to send; the domain schema (on the desktop core and the server) says what is missing. */
export function referralBody(draft: ReferralDraft, victimId: string, dashAssessmentId: string, referredOn: string, caseId: string | null = null): CreateMaracReferralBody {
  return {
    /** The existing case to link (a referral from a case); null opens a new MARAC case. */
    caseId,
    maracAreaId: draft.maracAreaId,
    dashAssessmentId,
    referredOn,
    contact: { name: draft.contactName.trim(), phone: draft.contactPhone.trim(), email: orNull(draft.contactEmail) },
    victim: { personId: victimId, address: orNull(draft.victimAddress), phone: orNull(draft.victimPhone), safeToCall: draft.safeToCall, safeContactTimes: orNull(draft.safeContactTimes) },
    diversity: { ethnicity: orNull(draft.ethnicity), disability: draft.disability, sexualOrientation: orNull(draft.sexualOrientation), lgbtPlus: draft.lgbtPlus, gender: draft.gender },
    perpetrators: draft.perpetrators.map((p) => ({ personId: p.id, relationshipToVictim: p.relationshipToVictim.trim(), address: orNull(p.address) })),
    children: draft.children.map((c) => ({
      personId: c.id, relationshipToVictim: c.relationshipToVictim.trim(), relationshipToPerpetrator: c.relationshipToPerpetrator.trim(), school: orNull(c.school),
    })),
    professionalJudgementReasons: orNull(draft.professionalJudgementReasons),
    incidentDates: draft.incidentDates.filter((d) => d !== ''),
    consent: { victimAware: draft.victimAware, consentGiven: draft.consentGiven, justification: draft.consentGiven || draft.justification === '' ? null : draft.justification },
    afraidOf: orNull(draft.afraidOf),
    previousMaracs: orNull(draft.previousMaracs),
  };
}
