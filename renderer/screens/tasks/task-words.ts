/** How a task's assignee reads on the tasks screens, from what the offline copy can say. */
import type { TaskListRow } from '../../../domain/ipc/task-channels.ts';

/** "You", "Your team", or the agency with how narrowly it was assigned. */
export function assigneeLabel(a: TaskListRow['assignee']): string {
  if (a.mine) {
    return a.kind === 'user' ? 'You' : a.kind === 'team' ? `Your team (${a.agencyName})` : `Your agency (${a.agencyName})`;
  }
  return a.kind === 'user' ? `${a.agencyName} — a named person` : a.kind === 'team' ? `${a.agencyName} — one team` : a.agencyName;
}
