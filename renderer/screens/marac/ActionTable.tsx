/** A table of MARAC actions: what, owner agency, due date and status in words (overdue said in words too). */
import type { MeetingAction } from '../../../domain/entities/marac-meeting.ts';
import { TASK_STATUS_LABELS } from '../../words/display-labels.ts';
import { formatDate } from '../../words/format-date-time.ts';

/** The actions, or a sentence when there are none. */
export function ActionTable({ actions, labelledBy, label, showMeeting = false, waiting }: {
  actions: readonly MeetingAction[]; labelledBy?: string; label?: string; showMeeting?: boolean;
  /** Task ids of actions recorded on this computer that the server does not have yet. */
  waiting?: readonly string[];
}) {
  if (actions.length === 0) {
    return <p className="empty-state">No actions.</p>;
  }
  return (
    <table className="data-table" aria-labelledby={labelledBy} aria-label={label}>
      <thead>
        <tr>
          {showMeeting && <th scope="col">Meeting</th>}
          {showMeeting && <th scope="col">Case</th>}
          <th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {actions.map((a) => (
          <tr key={a.taskId}>
            {showMeeting && <td>{formatDate(a.meetingDate)}</td>}
            {showMeeting && <td>{a.caseReference}</td>}
            <td><strong>{a.title}</strong><br />{a.description}</td>
            <td>{a.ownerAgency.name}</td>
            <td>{a.dueDate === null ? '—' : formatDate(a.dueDate)}</td>
            <td>{TASK_STATUS_LABELS[a.status]}{a.overdue ? ' (overdue)' : ''}{waiting?.includes(a.taskId) ? ' · waiting to sync' : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
