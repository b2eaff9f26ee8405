/**
 * The Tasks screen (`#/tasks?view=`): my tasks, my teams' tasks, and those escalated to me (overdue by
 * more than the escalation days, shown to the assignee's team manager and the case owner), read from
 * the offline copy, so it works offline and refreshes when a sync brings a change.
 */
import { useEffect, useId, useRef } from 'react';
import { TASK_LIST_VIEWS, type TaskListViewName } from '../../../domain/ipc/task-channels.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { BackToQueueHeading } from '../../components/BackToQueueHeading.tsx';
import { Page } from '../../components/Page.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { TASK_STATUS_LABELS, TASK_VIEW_LABELS } from '../../words/display-labels.ts';
import { formatDate } from '../../words/format-date-time.ts';
import { assigneeLabel } from './task-words.ts';
import styles from './Tasks.module.css';

/** What the screen needs from the workspace. */
export interface TasksProps {
  view: TaskListViewName;
  onViewChange: (view: TaskListViewName) => void;
  onOpenTask: (taskId: string) => void;
  onBack: () => void;
}

const EMPTY: Record<TaskListViewName, string> = {
  mine: 'No tasks are assigned to you, your team or your agency.',
  team: 'No tasks are assigned to your teams.',
  escalated: 'Nothing is escalated to you.',
};

/** One tab per view; each row opens the task. */
export function Tasks({ view, onViewChange, onOpenTask, onBack }: TasksProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const query = useDesktopQuery('tasks.list', { view });
  const failure = errorBodyOf(query.error);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const rows = query.data?.view === view ? query.data.rows : null;
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={query.isFetching} data-testid="tasks">
      <BackToQueueHeading id={`${id}-title`} title="Tasks" headingRef={heading} onBack={onBack} />
      <Tabs idPrefix={id} label="Task views" tabs={TASK_LIST_VIEWS} labels={TASK_VIEW_LABELS} selected={view} onSelect={onViewChange}>
        {view === 'escalated' && query.data && (
          <p className={styles.intro}>
            Tasks overdue by more than {query.data.escalationDays} {query.data.escalationDays === 1 ? 'day' : 'days'}, on cases you own or assigned to a team you manage.
          </p>
        )}
        {failure && <RetryAlert error={failure} onRetry={() => void query.refetch()} className="empty-state" />}
        {!failure && rows === null && <p role="status">Loading tasks…</p>}
        {rows !== null && rows.length === 0 && <p className="empty-state">{EMPTY[view]}</p>}
        {rows !== null && rows.length > 0 && (
          <table className="data-table">
            <caption className={styles.caption}>{TASK_VIEW_LABELS[view]}</caption>
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col">Case</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
                <th scope="col">Assigned to</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((t) => (
                <tr key={t.id} data-testid="task-row">
                  <td>
                    <button type="button" className={styles.link} onClick={() => onOpenTask(t.id)}>
                      {t.title}
                    </button>
                  </td>
                  <td>{t.caseReference ?? 'Case not shared with you'}</td>
                  <td>
                    {t.dueDate ? formatDate(t.dueDate) : 'No due date'}
                    {t.escalated ? <strong className={styles.overdue}> · Escalated</strong> : t.overdue && <strong className={styles.overdue}> · Overdue</strong>}
                  </td>
                  <td>{TASK_STATUS_LABELS[t.status]}</td>
                  <td>{assigneeLabel(t.assignee)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Tabs>
    </Page>
  );
}
