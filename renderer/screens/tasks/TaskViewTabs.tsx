/** The tasks screen's views as an ARIA tab list: one tab stop, arrows/Home/End move and choose, the chosen tab owns the panel. */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { TASK_LIST_VIEWS, type TaskListViewName } from '../../../domain/ipc/task-channels.ts';
import styles from './Tasks.module.css';

/** The tab names. */
export const TASK_VIEW_LABELS: Record<TaskListViewName, string> = { mine: 'My tasks', team: 'My team’s tasks', escalated: 'Escalated' };

/** Which view is chosen, how to choose another, and the panel it labels. */
export function TaskViewTabs({ idPrefix, selected, onSelect, children }: { idPrefix: string; selected: TaskListViewName; onSelect: (view: TaskListViewName) => void; children: ReactNode }) {
  const list = useRef<HTMLDivElement>(null);
  const tabId = (view: TaskListViewName) => `${idPrefix}-tab-${view}`;
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = TASK_LIST_VIEWS.indexOf(selected);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TASK_LIST_VIEWS.length - 1 }[event.key];
    if (to === undefined) {
      return;
    }
    event.preventDefault();
    const view = TASK_LIST_VIEWS[(to + TASK_LIST_VIEWS.length) % TASK_LIST_VIEWS.length]!;
    onSelect(view);
    list.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(tabId(view))}`)?.focus();
  };
  return (
    <>
      <div ref={list} role="tablist" aria-label="Task views" className={styles.tabs} onKeyDown={move}>
        {TASK_LIST_VIEWS.map((view) => (
          <button
            key={view}
            id={tabId(view)}
            type="button"
            role="tab"
            className={styles.tab}
            aria-selected={view === selected}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={view === selected ? 0 : -1}
            onClick={() => onSelect(view)}
          >
            {TASK_VIEW_LABELS[view]}
          </button>
        ))}
      </div>
      <div id={`${idPrefix}-panel`} role="tabpanel" aria-labelledby={tabId(selected)} className={styles.panel}>
        {children}
      </div>
    </>
  );
}
