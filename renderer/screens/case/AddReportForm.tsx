/** "Add a report" on the case screen: kind, title and text, saved on this computer and sent at the next sync. */
import { useId, useState } from 'react';
import { newId } from '../../../domain/ids.ts';
import { ReportCreateArgsSchema } from '../../../domain/sync/mutations.ts';
import { REPORT_KINDS } from '../../../domain/vocabulary.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSchemaForm } from '../../api/use-schema-form.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { Field } from '../../components/Field.tsx';
import { REPORT_KIND_LABELS } from '../../words/display-labels.ts';
import { errorMessage } from '../../words/error-messages.ts';
import { classNames } from '../../components/class-names.ts';
import panelStyles from './CasePanel.module.css';
import styles from './AddReportForm.module.css';

/** What the user fills in: the report.create mutation's own fields, with its own limits. */
const ReportFormSchema = ReportCreateArgsSchema.pick({ kind: true, title: true, body: true });

/** A button that opens the form; the report follows the case's sharing (restricting it is not offered offline). */
export function AddReportForm({ caseId }: { caseId: string }) {
  const api = useDesktopApi();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useSchemaForm(ReportFormSchema, { kind: 'contact', title: '', body: '' });
  const { errors } = form.formState;
  const { busy, error, submit } = useSubmit(
    (report: { kind: (typeof REPORT_KINDS)[number]; title: string; body: string }) =>
      api['changes.submit']({ name: 'report.create', args: { reportId: newId(), caseId, ...report } }),
    {
      onSuccess: () => {
        form.reset();
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
            setOpen(true);
            setSaved(false);
          }}
        >
          Add a report
        </button>
        {saved && (
          <p className="form-saved" role="status">
            Report saved on this computer. It is sent to the server at the next sync.
          </p>
        )}
      </div>
    );
  }
  return (
    <form className={classNames(styles.addReport, styles.open)} aria-labelledby={`${id}-title`} noValidate onSubmit={(event) => void form.handleSubmit((report) => submit(report))(event)}>
      <h3 id={`${id}-title`} className={styles.title}>
        New report
      </h3>
      <Field label="Kind" error={errors.kind?.message}>
        <select className="field__input" {...form.register('kind')}>
          {REPORT_KINDS.map((k) => (
            <option key={k} value={k}>
              {REPORT_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Title" error={errors.title?.message}>
        <input className="field__input" {...form.register('title')} />
      </Field>
      <Field label="Report" error={errors.body?.message}>
        <textarea className="field__input field__input--text" rows={6} {...form.register('body')} />
      </Field>
      {error && (
        <p className="form-error" role="alert">
          {errorMessage(error.code)}
        </p>
      )}
      <div className={panelStyles.actions}>
        <button type="submit" className="button button--primary" disabled={busy}>
          Save report
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
