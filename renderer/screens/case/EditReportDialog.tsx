/**
 * "Edit" on a report the user wrote: its title and whole text from the offline copy, saved on this
 * computer as a `report.update` from the version shown and sent at the next sync, so it works
 * offline. If someone changed the report on the server meanwhile, the edit becomes a conflict in
 * Sync problems for the user to resolve; it never silently replaces the newer text.
 */
import { useState } from 'react';
import { PatchReportBodySchema } from '../../../domain/entities/report.ts';
import type { ReportText } from '../../../domain/ipc/report-channels.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { useSchemaForm } from '../../api/use-schema-form.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { Field } from '../../components/Field.tsx';
import { FormFooter } from '../../components/FormFooter.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { errorMessage } from '../../words/error-messages.ts';
import styles from '../person-create/RecordPersonDialog.module.css';

/** The report mutation's own fields and limits; both are filled, since the dialog starts from the current text. */
const EditReportFormSchema = PatchReportBodySchema.pick({ title: true, body: true }).required();

/** The report to edit (its title names the dialog's button) and how to close the dialog. */
export interface EditReportDialogProps {
  reportId: string;
  onClose: () => void;
}

/** Loads the report's whole text, then shows the form. */
export function EditReportDialog({ reportId, onClose }: EditReportDialogProps) {
  const query = useDesktopQuery('reports.text', { reportId });
  const failure = errorBodyOf(query.error);
  // The text is read once, fresh (never an answer kept from an earlier opening, which may be an older
  // version): a sync landing while the dialog is open must not replace what the user is typing.
  const [loaded, setLoaded] = useState<ReportText | null>(null);
  if (!loaded && query.data && !query.isFetching) {
    setLoaded(query.data);
  }
  return (
    <ModalDialog title="Edit the report" onClose={onClose}>
      {loaded ? (
        <EditReportForm report={loaded} onClose={onClose} />
      ) : failure ? (
        <>
          <p className="form-error" role="alert">
            {failure.code === 'not_found' ? 'This report is no longer in the offline copy on this computer.' : errorMessage(failure.code)}
          </p>
          <CloseButton onClose={onClose} />
        </>
      ) : (
        <p role="status">Loading the report…</p>
      )}
    </ModalDialog>
  );
}

function EditReportForm({ report, onClose }: { report: ReportText; onClose: () => void }) {
  const api = useDesktopApi();
  const [unchanged, setUnchanged] = useState(false);
  const form = useSchemaForm(EditReportFormSchema, { title: report.title, body: report.body });
  const { errors } = form.formState;
  const { busy, error, submit } = useSubmit(
    (changes: { title?: string; body?: string }) =>
      api['changes.submit']({ name: 'report.update', args: { reportId: report.id, ...changes }, baseVersion: report.version }),
    { onSuccess: onClose },
  );

  // Only what the user changed is sent, so a conflict names just that field (and a merge is offered for one).
  function save(values: { title: string; body: string }): void {
    const changes = { ...(values.title === report.title ? {} : { title: values.title }), ...(values.body === report.body ? {} : { body: values.body }) };
    setUnchanged(Object.keys(changes).length === 0);
    if (Object.keys(changes).length > 0) {
      void submit(changes);
    }
  }

  if (!report.editable) {
    return (
      <>
        <p role="alert">Only the report’s author can edit it.</p>
        <CloseButton onClose={onClose} />
      </>
    );
  }
  return (
    <form className={styles.form} noValidate onSubmit={(event) => void form.handleSubmit(save)(event)}>
      <p className={styles.note}>
        Saved on this computer and sent at the next sync. The text it replaces is kept as an earlier version.
      </p>
      <Field label="Title" error={errors.title?.message}>
        <input className="field__input" autoComplete="off" {...form.register('title')} />
      </Field>
      <Field label="Report" error={errors.body?.message}>
        <textarea className="field__input field__input--text" rows={10} {...form.register('body')} />
      </Field>
      <FormFooter
        refusal={unchanged ? 'Change the title or the text first, or cancel.' : error ? errorMessage(error.code) : null}
        busy={busy} submitLabel="Save the changes" onCancel={onClose}
      />
    </form>
  );
}

/** The only way out when there is nothing to edit. */
function CloseButton({ onClose }: { onClose: () => void }) {
  return (
    <div className="form-actions">
      <button type="button" className="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
