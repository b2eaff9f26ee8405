/** The "Assign to" choices of a new task: each agency, then its teams, then its people, encoded as one select value. */
import type { TaskAssigneesView } from '../../../domain/ipc/task-channels.ts';

/** Who the task goes to, as the task.create mutation takes it. */
export interface AssigneeIds {
  assigneeAgencyId: string;
  assigneeTeamId: string | null;
  assigneeUserId: string | null;
}

/** One option of the select. */
export interface AssigneeOption {
  value: string;
  label: string;
}

/** One group of options: an agency. */
export interface AssigneeGroup {
  label: string;
  options: AssigneeOption[];
}

const SEPARATOR = '/';

/** The select value for an assignee. */
export function encodeAssignee(ids: AssigneeIds): string {
  return [ids.assigneeAgencyId, ids.assigneeTeamId ?? '', ids.assigneeUserId ?? ''].join(SEPARATOR);
}

/** The assignee a select value names. */
export function decodeAssignee(value: string): AssigneeIds {
  const [agency = '', team = '', user = ''] = value.split(SEPARATOR);
  return { assigneeAgencyId: agency, assigneeTeamId: team === '' ? null : team, assigneeUserId: user === '' ? null : user };
}

/** The options, one group per agency: the whole agency, each team, each person. A person is given the task in no team in particular. */
export function assigneeGroups(view: TaskAssigneesView): AssigneeGroup[] {
  return view.agencies.map((a) => ({
    label: a.owner ? `${a.name} (owner agency)` : a.name,
    options: [
      { value: encodeAssignee({ assigneeAgencyId: a.id, assigneeTeamId: null, assigneeUserId: null }), label: `${a.name} — anyone in the agency` },
      ...a.teams.map((t) => ({ value: encodeAssignee({ assigneeAgencyId: a.id, assigneeTeamId: t.id, assigneeUserId: null }), label: `${t.name} (team)` })),
      ...a.users.map((u) => ({ value: encodeAssignee({ assigneeAgencyId: a.id, assigneeTeamId: null, assigneeUserId: u.id }), label: u.displayName })),
    ],
  }));
}
