/** Words shown for the desktop's own values (the vocabulary's words are in domain/vocabulary-labels.ts). */
import type { QueueTab } from '../../domain/ipc/case-channels.ts';
import type { TaskListViewName } from '../../domain/ipc/task-channels.ts';

// The vocabulary's words are declared once in domain/ for the screens and the server's printed documents.
export { CASE_STATUS_LABELS, MARKER_TYPE_LABELS, REPORT_KIND_LABELS, RISK_LEVEL_LABELS, SUBJECT_ROLE_LABELS, TASK_STATUS_LABELS } from '../../domain/vocabulary-labels.ts';

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
