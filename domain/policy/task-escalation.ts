/**
 * Overdue escalation, derived and never stored: a task still to be done that is overdue by more than
 * N days is shown to the assignee's team manager and to the case owner, in their tasks views and
 * notifications. N is the system-wide setting (default `TASK_ESCALATION_DAYS`), synced, so the
 * desktop works it out offline from its copy with the same functions as the server.
 */
import type { PolicyUser } from './policy-user.ts';
import type { PolicyTask } from './task-policy.ts';

/** How many whole days past its due date a task may be before it escalates. */
export const TASK_ESCALATION_DAYS = 2;

/** The parts of a task the rule looks at. */
export interface EscalationTask extends PolicyTask {
  dueDate: string | null;
  status: string;
}

/** The parts of the task's case the rule looks at. */
export interface EscalationCase {
  ownerAgencyId: string;
  ownerTeamId: string | null;
  ownerUserId: string | null;
}

const DAY_MS = 86_400_000;

/** True while the task is still to be done (open or in progress). */
export function isTaskActive(status: string): boolean {
  return status === 'open' || status === 'in_progress';
}

/** Whole days from the due date to `today` (both `YYYY-MM-DD`); 0 or less when not yet overdue. */
export function daysOverdue(dueDate: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / DAY_MS);
}

/** True when the task is still to be done and its due date is before `today`. */
export function isTaskOverdue(task: Pick<EscalationTask, 'dueDate' | 'status'>, today: string): boolean {
  return task.dueDate !== null && isTaskActive(task.status) && daysOverdue(task.dueDate, today) > 0;
}

/** True when the task is still to be done and overdue by more than `days` whole days. */
export function isTaskEscalated(task: Pick<EscalationTask, 'dueDate' | 'status'>, today: string, days: number = TASK_ESCALATION_DAYS): boolean {
  return task.dueDate !== null && isTaskActive(task.status) && daysOverdue(task.dueDate, today) > days;
}

/**
 * True when an escalated task is shown to the user: a team manager of the assignee agency whose
 * teams include the assigned team (any of that agency's managers when the task names no team), or
 * the case owner (its owner user; when it has none, a manager of the owner team, or of the owner
 * agency when it has no team either). `c` is null when the case is not known (only the first rule applies).
 */
export function escalatesTo(user: PolicyUser, task: PolicyTask, c: EscalationCase | null): boolean {
  const manager = user.role === 'team_manager';
  const managesAssignee = manager && user.agencyId === task.assigneeAgencyId
    && (task.assigneeTeamId === null || user.teamIds.includes(task.assigneeTeamId));
  const ownsCase = c === null ? false : c.ownerUserId !== null
    ? c.ownerUserId === user.id
    : manager && user.agencyId === c.ownerAgencyId && (c.ownerTeamId === null || user.teamIds.includes(c.ownerTeamId));
  return managesAssignee || ownsCase;
}
