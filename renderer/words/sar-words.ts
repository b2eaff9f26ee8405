/** Subject access requests in en-GB words, keyed by the domain's codes (docs/audit.md). */
import type { SarConsultationStatus, SarExemption, SarRecordType, SarRequesterRelation } from '../../domain/entities/sar.ts';
import type { SarTimeliness } from '../../domain/sar/sar-due-date.ts';
import { formatDate } from './format-date-time.ts';

/** Where a request stands against its due date. */
export const SAR_TIMELINESS_LABELS: Record<SarTimeliness, string> = { on_time: 'On time', due_soon: 'Due soon', overdue: 'Overdue' };

/** A consultation's state, as the receiving agency sees it. */
export const SAR_CONSULTATION_LABELS: Record<SarConsultationStatus, string> = { pending: 'Waiting for an answer', released: 'Released', withheld: 'Withheld' };

/** Who asked. */
export const SAR_RELATION_LABELS: Record<SarRequesterRelation, string> = { data_subject: 'The person themself', representative: 'Someone acting for them' };

/** The grounds for withholding, with where they are in the Data Protection Act 2018. */
export const SAR_EXEMPTION_LABELS: Record<SarExemption, string> = {
  crime_and_taxation: 'Crime and taxation (Sch. 2 para. 2)',
  legal_professional_privilege: 'Legal professional privilege (Sch. 2 para. 19)',
  serious_harm_social_work: 'Serious harm: social work data (Sch. 3 para. 7)',
  serious_harm_health: 'Serious harm: health data (Sch. 3 para. 5)',
  other_individuals: 'Other people’s information (Sch. 2 paras. 16–17)',
};

/** The kinds of record in a part. */
export const SAR_RECORD_LABELS: Record<SarRecordType, string> = {
  person: 'Personal details', case: 'Case', report: 'Report', task: 'Task', marker: 'Marker', document: 'Document',
  dash_assessment: 'DASH risk checklist', marac_referral: 'MARAC referral',
};

/**
 * Why a due date is not the calendar date: "" when they are the same, otherwise a sentence naming
 * the calendar date and its weekday.
 */
export function sarDueNote(due: { dueOn: string; calendarDueOn: string }): string {
  if (due.dueOn === due.calendarDueOn) {
    return '';
  }
  const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${due.calendarDueOn}T00:00:00Z`));
  return `The time limit ends on ${weekday} ${formatDate(due.calendarDueOn)}, not a working day: it runs to the next working day.`;
}
