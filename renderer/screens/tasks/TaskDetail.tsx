/**
 * One task (`#/tasks/:taskId`) from the offline copy: what it is, who has it, its case, its status
 * (changed by the task.update change, sent with the version the user saw) and its updates thread
 * (task.addUpdate). Both are saved on this computer and sent at the next sync, so they work offline.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { newId } from '../../../domain/ids.ts';
import type { TaskDetailView } from '../../../domain/ipc/task-channels.ts';
import { TaskAddUpdateArgsSchema, TaskUpdateArgsSchema } from '../../../domain/sync/mutations.ts';
import { TASK_STATUSES, type TaskStatus } from '../../../domain/vocabulary.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { useSchemaForm } from '../../api/use-schema-form.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { Field } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { TASK_STATUS_LABELS } from '../../words/display-labels.ts';
import { errorMessage } from '../../words/error-messages.ts';
import { formatDate, formatDateTime } from '../../words/format-date-time.ts';
import { plural } from '../../words/plural.ts';
import { assigneeLabel } from './task-words.ts';
import styles from './TaskDetail.module.css';
import { FormFooter } from '../../components/FormFooter.tsx';

/** What the screen needs from the workspace. */
export interface TaskDetailProps {
  taskId: string;
  onBack: () => void;
  onOpenCase: (caseId: string) => void;
  onShowSyncProblems: () => void;
}

/** Reads the task again whenever sync invalidates it; a task gone from the copy is no longer shown. */
export function TaskDetail({ taskId, onBack, onOpenCase, onShowSyncProblems }: TaskDetailProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const query = useDesktopQuery('tasks.detail', { taskId });
  const failure = errorBodyOf(query.error);
  const shown = failure?.code === 'not_found' ? null : (query.data ?? null);
  const focused = useRef(false);
  useEffect(() => {
    if (shown && !focused.current) {
      focused.current = true;
      heading.current?.focus();
    }
  }, [shown]);

  const back = (
    <div>
      <button type="button" className="button" onClick={onBack}>
        ← Back to tasks
      </button>
    </div>
  );
  if (!shown) {
    return (
      <Page aria-labelledby={`${id}-title`} aria-busy={query.isFetching} data-testid="task-detail">
        {back}
        <h1 id={`${id}-title`}>{failure?.code === 'not_found' ? 'Task not available' : 'Task'}</h1>
        {failure?.code === 'not_found' && <p className="empty-state">This task is not in the offline copy on this computer. It may have been refused by the server, or you may no longer see it.</p>}
        {failure && failure.code !== 'not_found' && <RetryAlert error={failure} onRetry={() => void query.refetch()} className="empty-state" />}
        {!failure && <p role="status">Loading the task…</p>}
      </Page>
    );
  }
  const { task, caseTitle, updates, localChanges } = shown;
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={query.isFetching} data-testid="task-detail">
      {back}
      <h1 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {task.title}
      </h1>
      <dl className={styles.facts}>
        <div>
          <dt>Status</dt>
          <dd data-testid="task-status">{TASK_STATUS_LABELS[task.status]}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>
            {task.dueDate ? formatDate(task.dueDate) : 'No due date'}
            {task.escalated ? <strong className={styles.overdue}> · Escalated</strong> : task.overdue && <strong className={styles.overdue}> · Overdue</strong>}
          </dd>
        </div>
        <div>
          <dt>Assigned to</dt>
          <dd>{assigneeLabel(task.assignee)}</dd>
        </div>
        <div>
          <dt>Case</dt>
          <dd>
            {task.caseReference === null ? (
              'Not shared with you'
            ) : (
              <button type="button" className={styles.link} onClick={() => onOpenCase(task.caseId)}>
                {task.caseReference}
                {caseTitle ? ` — ${caseTitle}` : ''}
              </button>
            )}
          </dd>
        </div>
        <div>
          <dt>Set</dt>
          <dd>
            <time dateTime={task.createdAt}>{formatDateTime(task.createdAt)}</time>
            {task.createdByMe ? ' by you' : ''}
          </dd>
        </div>
      </dl>
      {task.description !== '' && <p className={styles.description}>{task.description}</p>}
      <TaskLocalChanges changes={localChanges} onShowSyncProblems={onShowSyncProblems} />
      {task.canUpdate ? (
        <StatusForm key={`${task.status}-${task.version}`} task={task} />
      ) : (
        <p className="empty-state">You can read this task but not work on it: only its assignee or the case’s owner agency can.</p>
      )}
      <section className={styles.panel} aria-labelledby={`${id}-thread`}>
        <h2 id={`${id}-thread`} className={styles.panelTitle}>
          Updates
        </h2>
        {updates.length === 0 ? (
          <p className={styles.meta}>No updates yet.</p>
        ) : (
          <ol className={styles.thread}>
            {updates.map((u) => (
              <li key={u.id} className={styles.update}>
                <p className={styles.updateBody}>{u.body}</p>
                <p className={styles.meta}>
                  {u.byMe ? 'You' : 'A colleague or partner'} · <time dateTime={u.createdAt}>{formatDateTime(u.createdAt)}</time>
                </p>
              </li>
            ))}
          </ol>
        )}
        {task.canUpdate && <UpdateForm taskId={task.id} />}
      </section>
    </Page>
  );
}

function TaskLocalChanges({ changes, onShowSyncProblems }: { changes: TaskDetailView['localChanges']; onShowSyncProblems: () => void }) {
  const { pending, conflicts, rejected } = changes;
  if (pending === 0 && conflicts === 0 && rejected === 0) {
    return null;
  }
  return (
    <div className={styles.panel} data-testid="task-local-changes">
      {pending > 0 && (
        <p role="status">
          {plural(pending, 'change')} to this task {pending === 1 ? 'is' : 'are'} waiting to be sent to the server.
        </p>
      )}
      {(conflicts > 0 || rejected > 0) && (
        <>
          <p>The server did not take {plural(conflicts + rejected, 'change')} of yours to this task.</p>
          <div>
            <button type="button" className="button" onClick={onShowSyncProblems}>
              Review sync problems
            </button>
          </div>
        </>
      )}
    </div>
  );
}

const StatusFormSchema = TaskUpdateArgsSchema.pick({ status: true });

function StatusForm({ task }: { task: TaskDetailView['task'] }) {
  const api = useDesktopApi();
  const [saved, setSaved] = useState(false);
  const form = useSchemaForm(StatusFormSchema, { status: task.status });
  const { busy, error, submit } = useSubmit(
    (status: TaskStatus) => api['changes.submit']({ name: 'task.update', args: { taskId: task.id, status }, baseVersion: task.version }),
    { onSuccess: () => setSaved(true) },
  );
  return (
    <form className={styles.form} aria-label="Change status" noValidate onSubmit={(event) => void form.handleSubmit(({ status }) => submit(status))(event)}>
      <Field label="Status" error={form.formState.errors.status?.message}>
        <select className="field__input" {...form.register('status')}>
          {TASK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {TASK_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </Field>
      <FormFooter refusal={error ? errorMessage(error.code) : null} busy={busy} submitLabel="Save status" />
      {saved && (
        <p className="form-saved" role="status">
          Status saved on this computer. It is sent to the server at the next sync.
        </p>
      )}
    </form>
  );
}

const UpdateFormSchema = TaskAddUpdateArgsSchema.pick({ body: true });

function UpdateForm({ taskId }: { taskId: string }) {
  const api = useDesktopApi();
  const [saved, setSaved] = useState(false);
  const form = useSchemaForm(UpdateFormSchema, { body: '' });
  const { busy, error, submit } = useSubmit(
    (body: string) => api['changes.submit']({ name: 'task.addUpdate', args: { taskUpdateId: newId(), taskId, body } }),
    {
      onSuccess: () => {
        form.reset();
        setSaved(true);
      },
    },
  );
  return (
    <form className={styles.form} aria-label="Add an update" noValidate onSubmit={(event) => void form.handleSubmit(({ body }) => submit(body))(event)}>
      <Field label="New update" error={form.formState.errors.body?.message}>
        <textarea className="field__input field__input--text" rows={3} {...form.register('body')} />
      </Field>
      <FormFooter refusal={error ? errorMessage(error.code) : null} busy={busy} submitLabel="Add update" />
      {saved && (
        <p className="form-saved" role="status">
          Update saved on this computer. It is sent to the server at the next sync.
        </p>
      )}
    </form>
  );
}
