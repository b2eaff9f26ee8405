/** Consent to a MARAC referral (docs/marac.md): whether the victim knows, consent, and the lawful reason when shared without it. */
import { z } from 'zod';

/** The reasons information may be shared with a MARAC without the victim's consent. */
export const NO_CONSENT_JUSTIFICATIONS = [
  'prevention_or_detection_of_crime', 'vital_interests', 'child_protection', 'adult_at_risk', 'risk_of_serious_harm',
] as const;
/** One justification. */
export type NoConsentJustification = (typeof NO_CONSENT_JUSTIFICATIONS)[number];
export const NoConsentJustificationSchema = z.enum(NO_CONSENT_JUSTIFICATIONS);

/** en-GB words for the justifications. */
export const NO_CONSENT_JUSTIFICATION_LABELS: Record<NoConsentJustification, string> = {
  prevention_or_detection_of_crime: 'Prevention or detection of crime',
  vital_interests: 'Vital interests of the victim or another person',
  child_protection: 'Child protection',
  adult_at_risk: 'Safeguarding an adult at risk',
  risk_of_serious_harm: 'Risk of serious harm to others',
};

export const ReferralConsentSchema = z.object({
  victimAware: z.boolean(),
  consentGiven: z.boolean(),
  /** Required exactly when consent was not given. */
  justification: NoConsentJustificationSchema.nullable().default(null),
}).strict().superRefine((c, ctx) => {
  if (!c.consentGiven && c.justification === null) {
    ctx.addIssue({ code: 'custom', path: ['justification'], message: 'sharing without consent needs a justification.' });
  }
  if (c.consentGiven && c.justification !== null) {
    ctx.addIssue({ code: 'custom', path: ['justification'], message: 'a justification is only given when consent was not.' });
  }
  if (c.consentGiven && !c.victimAware) {
    ctx.addIssue({ code: 'custom', path: ['consentGiven'], message: 'a victim who does not know of the referral cannot have consented to it.' });
  }
});
/** The consent part of a referral. */
export type ReferralConsent = z.output<typeof ReferralConsentSchema>;
