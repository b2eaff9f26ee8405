/** Who sees and works a task: whoever sees its case, and its assignee (agency, team or user). */
import { canSeeCase, type PolicyCase } from './case-policy.ts';
import { readsCases, type PolicyUser } from './policy-user.ts';

/** The parts of a task the policy looks at. */
export interface PolicyTask {
  assigneeAgencyId: string;
  assigneeTeamId: string | null;
  assigneeUserId: string | null;
}

/** True when the task is assigned to the user (their agency, narrowed by team or user when set). */
export function isAssignee(user: PolicyUser, task: PolicyTask): boolean {
  return (
    task.assigneeAgencyId === user.agencyId &&
    (task.assigneeTeamId === null || user.teamIds.includes(task.assigneeTeamId)) &&
    (task.assigneeUserId === null || task.assigneeUserId === user.id)
  );
}

/** True when the user may see the task. */
export function canSeeTask(user: PolicyUser, task: PolicyTask, c: PolicyCase, at?: string): boolean {
  return readsCases(user) && (canSeeCase(user, c, at) || isAssignee(user, task));
}

/** True when the user may update the task (status, updates): the assignee or the case's owner agency. */
export function canUpdateTask(user: PolicyUser, task: PolicyTask, c: PolicyCase, at?: string): boolean {
  return canSeeTask(user, task, c, at) && (isAssignee(user, task) || (c.ownerAgencyId === user.agencyId && canSeeCase(user, c, at)));
}
