/**
 * A MARAC referral started from a domestic abuse case (docs/marac.md): the case travels in the URL
 * (`?case=…`) from the case screen through the checklist to the referral form, which links the
 * referral to it; the victim is offered from the case's own people.
 */
import { z } from 'zod';
import type { CaseDetailView } from '../../../domain/ipc/case-detail-view.ts';
import { IdSchema } from '../../../domain/ids.ts';
import { MARAC_CASE_TYPE } from '../../../domain/entities/case-type.ts';
import type { PickedPerson } from './PersonPicker.tsx';

/** The case a referral links, as the URL holds it; a value that does not fit is dropped, never an error page. */
export const ReferralCaseSearchSchema = z.object({ case: IdSchema.optional().catch(undefined) });
/** The validated search. */
export type ReferralCaseSearch = z.infer<typeof ReferralCaseSearchSchema>;

/**
 * Whether the case screen offers "Refer to MARAC": a case of the MARAC case type (its code, so a
 * renamed type still counts) that the user may change, as linking a referral changes the case.
 */
export function offersMaracReferral(view: Pick<CaseDetailView['case'], 'caseType' | 'abilities'>): boolean {
  return view.caseType === MARAC_CASE_TYPE && view.abilities.update;
}

/** The case's victims this computer holds by name, each once, in the case's order: the ones to offer. */
export function caseVictims(subjects: CaseDetailView['subjects']): PickedPerson[] {
  const seen = new Set<string>();
  const victims: PickedPerson[] = [];
  for (const s of subjects) {
    if (s.role === 'victim' && s.displayName !== null && !seen.has(s.personId)) {
      seen.add(s.personId);
      victims.push({ id: s.personId, name: s.displayName });
    }
  }
  return victims;
}

/** The server's refusal of a case its coordinating agency does not see, in the practitioner's words. */
export function linkedCaseRefusal(message: string): string | null {
  return message.includes('caseId')
    ? 'The MARAC area’s coordinating agency cannot see this case yet. Share the case with them (Sharing… on the case) and refer it again.'
    : null;
}
