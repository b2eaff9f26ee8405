/**
 * "Add a task" on the case screen: what is to be done, who does it (an agency that sees the case, one
 * of its teams or people), a due date and a description. Saved on this computer as the task.create
 * change and sent at the next sync; the server re-checks the assignee then.
 */
import { useId, useMemo, useState } from 'react';
import { Controller } from 'react-hook-form';
import { z } from 'zod';
import { newId } from '../../../domain/ids.ts';
import type { TaskAssigneesView } from '../../../domain/ipc/task-channels.ts';
import { TaskCreateArgsSchema } from '../../../domain/sync/mutations.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { useSchemaForm } from '../../api/use-schema-form.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { DateField } from '../../components/DateField.tsx';
import { Field } from '../../components/Field.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { classNames } from '../../components/class-names.ts';
import { errorMessage } from '../../words/error-messages.ts';
import { assigneeGroups, decodeAssignee } from './assignee-choice.ts';
import styles from './AddTaskForm.module.css';
import { FormFooter } from '../../components/FormFooter.tsx';

/** A button that opens the form; the choices are asked for when it opens. */
export function AddTaskForm({ caseId }: { caseId: string }) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  if (!open) {
    return (
      <div className={styles.addTask}>
        <button
          type="button"
          className="button"
          aria-expanded={false}
          onClick={() => {
            setOpen(true);
            setSaved(false);
          }}
        >
          Add a task
        </button>
        {saved && (
          <p className="form-saved" role="status">
            Task saved on this computer. It is sent to the server at the next sync.
          </p>
        )}
      </div>
    );
  }
  return (
    <AssigneesLoader
      caseId={caseId}
      onClose={(wasSaved) => {
        setOpen(false);
        setSaved(wasSaved);
      }}
    />
  );
}

function AssigneesLoader({ caseId, onClose }: { caseId: string; onClose: (saved: boolean) => void }) {
  const query = useDesktopQuery('tasks.assignees', { caseId }, { staleTime: 0 });
  const failure = errorBodyOf(query.error);
  if (query.data) {
    return <TaskForm caseId={caseId} assignees={query.data} onClose={onClose} />;
  }
  return (
    <div className={classNames(styles.addTask, styles.open)}>
      {failure ? <RetryAlert error={failure} onRetry={() => void query.refetch()} className={styles.note} /> : <p role="status">Loading who can be given the task…</p>}
      <button type="button" className="button" onClick={() => onClose(false)}>
        Cancel
      </button>
    </div>
  );
}

function TaskForm({ caseId, assignees, onClose }: { caseId: string; assignees: TaskAssigneesView; onClose: (saved: boolean) => void }) {
  const api = useDesktopApi();
  const id = useId();
  const groups = useMemo(() => assigneeGroups(assignees), [assignees]);
  // The fields of the task.create mutation, with its own limits; the assignee is one of the offered choices.
  const schema = useMemo(() => {
    const values = groups.flatMap((g) => g.options.map((o) => o.value));
    return TaskCreateArgsSchema.pick({ title: true, description: true, dueDate: true }).extend({ assignee: z.enum(values as [string, ...string[]]) });
  }, [groups]);
  const form = useSchemaForm(schema, { title: '', description: '', dueDate: null, assignee: '' });
  const { errors } = form.formState;
  const { busy, error, submit } = useSubmit(
    (task: z.output<typeof schema>) =>
      api['changes.submit']({
        name: 'task.create',
        args: { taskId: newId(), caseId, title: task.title, description: task.description, dueDate: task.dueDate, ...decodeAssignee(task.assignee) },
      }),
    { onSuccess: () => onClose(true) },
  );
  return (
    <form
      className={classNames(styles.addTask, styles.open)}
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => void form.handleSubmit((task) => submit(task))(event)}
    >
      <h3 id={`${id}-title`} className={styles.title}>
        New task
      </h3>
      <Field label="What needs doing" error={errors.title?.message}>
        <input className="field__input" {...form.register('title')} />
      </Field>
      <Field label="Assign to" error={errors.assignee?.message}>
        <select className="field__input" {...form.register('assignee')}>
          <option value="">Choose an agency, team or person</option>
          {groups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </Field>
      {!assignees.complete && (
        <p className={styles.note}>
          This computer is offline: you can give the task to an agency that sees the case. Its teams and people are offered when you are connected.
        </p>
      )}
      <Controller
        control={form.control}
        name="dueDate"
        render={({ field, fieldState }) => <DateField label="Due date (optional)" value={field.value ?? null} onChange={field.onChange} error={fieldState.error?.message} />}
      />
      <Field label="Description (optional)" error={errors.description?.message}>
        <textarea className="field__input field__input--text" rows={4} {...form.register('description')} />
      </Field>
      <FormFooter refusal={error ? errorMessage(error.code) : null} busy={busy} submitLabel="Save task" onCancel={() => onClose(false)} />
    </form>
  );
}
