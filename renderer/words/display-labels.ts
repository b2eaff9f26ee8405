/** Words shown for vocabulary values that have no label table in domain/. */
import type { CaseStatus, MarkerType, ReportKind, RiskLevel, SubjectRole, TaskStatus } from '../../domain/vocabulary.ts';
import type { QueueTab } from '../../domain/ipc/case-channels.ts';
import type { TaskListViewName } from '../../domain/ipc/task-channels.ts';

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

/** The case queue's tabs, in the order they are shown. */
export const QUEUE_TAB_LABELS: Record<QueueTab, string> = {
  my_tasks: 'My tasks',
  my_cases: 'My cases',
  team_cases: "My team's cases",
  shared_with_agency: 'Shared with my agency',
  all: 'Everything I can see',
  recent: 'Recently changed',
};

/** The tasks screen's views, in the order they are shown. */
export const TASK_VIEW_LABELS: Record<TaskListViewName, string> = { mine: 'My tasks', team: 'My team’s tasks', escalated: 'Escalated' };
