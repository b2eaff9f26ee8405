/**
 * Words for vocabulary values, declared once for the desktop's screens and the server's printed
 * documents (the subject access bundle's PDF). Case types are data: their names come from the
 * `case_types` table, not from here; identifier schemes' words sit beside them in entities/person.ts.
 */
import type { CaseStatus, Gender, MarkerType, ReportKind, RiskLevel, SubjectRole, TaskStatus } from './vocabulary.ts';

/** Risk level as read aloud and printed in its badge. */
export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  very_high: 'Very high',
};

/** Case status as shown in the queue. */
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  open: 'Open',
  closed: 'Closed',
};

/** A marker's kind, as its banner names it. */
export const MARKER_TYPE_LABELS: Record<MarkerType, string> = {
  staff_safety: 'Staff safety',
  violence: 'Violence',
  weapons: 'Weapons',
  vulnerability: 'Vulnerability',
  drugs: 'Drugs',
  mental_health: 'Mental health',
  other: 'Other warning',
};

/** A person's role in a case. */
export const SUBJECT_ROLE_LABELS: Record<SubjectRole, string> = {
  victim: 'Victim',
  perpetrator: 'Perpetrator',
  suspect: 'Suspect',
  witness: 'Witness',
  subject: 'Subject',
  child: 'Child',
  family_member: 'Family member',
  associate: 'Associate',
};

/** A task's status. */
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};

/** The kind of a report. */
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  assessment: 'Assessment',
  contact: 'Contact record',
  research: 'Research',
  update: 'Update',
  plan: 'Plan',
};

/** A person's gender as shown on their profile. */
export const GENDER_LABELS: Record<Gender, string> = {
  female: 'Female',
  male: 'Male',
  non_binary: 'Non-binary',
  other: 'Other',
  unknown: 'Not known',
};

/** A value's words from a table, or the value itself when the table does not know it (a value newer than this build). */
export function wordsFor(table: Readonly<Record<string, string>>, value: string): string {
  return Object.hasOwn(table, value) ? table[value]! : value;
}
