/** Labels for the fields of a new person. */
import type { CONSENT_STATUSES, GENDERS } from '../../../domain/entities/person.ts';

export const GENDER_LABELS: Record<(typeof GENDERS)[number], string> = {
  female: 'Female', male: 'Male', non_binary: 'Non-binary', other: 'Other', unknown: 'Not known',
};

export const CONSENT_LABELS: Record<(typeof CONSENT_STATUSES)[number], string> = {
  given: 'Given', refused: 'Refused', not_sought: 'Not sought', not_required_legal_basis: 'Not required (legal basis)',
};
