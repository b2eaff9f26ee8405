/** "Edit title and review date" on the case screen: a case.update saved on this computer and sent at the next sync. */
import { useId, useState } from 'react';
import { Controller } from 'react-hook-form';
import type { z } from 'zod';
import type { CaseDetailView } from '../../../domain/ipc/case-detail-view.ts';
import { CaseUpdateArgsSchema } from '../../../domain/sync/mutations.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSchemaForm } from '../../api/use-schema-form.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { classNames } from '../../components/class-names.ts';
import { DateField } from '../../components/DateField.tsx';
import { Field } from '../../components/Field.tsx';
import { errorMessage } from '../../words/error-messages.ts';
import panelStyles from './CasePanel.module.css';
import styles from './AddReportForm.module.css';

/**
 * What the user edits: the case.update mutation's own fields, both required here (a review date may be
 * cleared to null). Title and review date are last-writer-wins on the server; the edit still carries the
 * version it was made from (`baseVersion`), as every case change does.
 */
const EditFormSchema = CaseUpdateArgsSchema.pick({ title: true, reviewDate: true }).required();
type EditFields = z.output<typeof EditFormSchema>;

/** A button that opens the form; offered by the case screen only when the case's abilities allow an update. */
export function EditCaseDetailsForm({ caseView }: { caseView: CaseDetailView['case'] }) {
  const api = useDesktopApi();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const [baseVersion, setBaseVersion] = useState(caseView.version);
  const form = useSchemaForm(EditFormSchema, { title: caseView.title, reviewDate: caseView.reviewDate });
  const { errors } = form.formState;
  const { busy, error, submit } = useSubmit(
    (fields: EditFields) => api['changes.submit']({ name: 'case.update', args: { caseId: caseView.id, ...fields }, baseVersion }),
    {
      onSuccess: () => {
        setOpen(false);
        setSaved(true);
      },
    },
  );

  if (!open) {
    return (
      <div className={styles.addReport}>
        <button
          type="button"
          className="button"
          aria-expanded={false}
          onClick={() => {
            // The form starts from the case as the user sees it now, and remembers that version.
            form.reset({ title: caseView.title, reviewDate: caseView.reviewDate });
            setBaseVersion(caseView.version);
            setOpen(true);
            setSaved(false);
          }}
        >
          Edit title and review date
        </button>
        {saved && (
          <p className="form-saved" role="status">
            Saved on this computer. It is sent to the server at the next sync.
          </p>
        )}
      </div>
    );
  }
  return (
    <form className={classNames(styles.addReport, styles.open)} aria-labelledby={`${id}-title`} noValidate onSubmit={(event) => void form.handleSubmit((fields) => submit(fields))(event)}>
      <h3 id={`${id}-title`} className={styles.title}>
        Title and review date
      </h3>
      <Field label="Title" error={errors.title?.message}>
        <input className="field__input" autoComplete="off" {...form.register('title')} />
      </Field>
      <Controller
        control={form.control}
        name="reviewDate"
        render={({ field, fieldState }) => (
          <DateField label="Review date (optional)" value={field.value ?? null} onChange={field.onChange} error={fieldState.error?.message} />
        )}
      />
      {error && (
        <p className="form-error" role="alert">
          {errorMessage(error.code)}
        </p>
      )}
      <div className={panelStyles.actions}>
        <button type="submit" className="button button--primary" disabled={busy}>
          Save
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
