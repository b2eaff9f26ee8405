/** "Add a report" on the case screen: kind, title and text, saved on this computer and sent at the next sync. */
import { useId, useState } from 'react';
import { newId } from '../../../domain/ids.ts';
import { REPORT_KINDS, ReportKindSchema, type ReportKind } from '../../../domain/vocabulary.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { REPORT_KIND_LABELS } from '../../words/display-labels.ts';
import { errorMessage } from '../../words/error-messages.ts';
import { useSubmit } from '../../api/use-submit.ts';

/** Limits of the report.create mutation. */
const TITLE_MAX = 200;
const BODY_MAX = 100_000;

/** A button that opens the form; the report follows the case's sharing (restricting it is not offered offline). */
export function AddReportForm({ caseId }: { caseId: string }) {
  const api = useDesktopApi();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ReportKind>('contact');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [saved, setSaved] = useState(false);
  const { busy, error, onSubmit } = useSubmit(
    () => api['changes.submit']({ name: 'report.create', args: { reportId: newId(), caseId, kind, title: title.trim(), body } }),
    {
      onSuccess: () => {
        setTitle('');
        setBody('');
        setOpen(false);
        setSaved(true);
      },
    },
  );

  if (!open) {
    return (
      <div className="add-report">
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
    <form className="add-report add-report--open" aria-labelledby={`${id}-title`} onSubmit={onSubmit}>
      <h3 id={`${id}-title`} className="add-report__title">
        New report
      </h3>
      <label className="field__label" htmlFor={`${id}-kind`}>
        Kind
      </label>
      <select id={`${id}-kind`} className="field__input" value={kind} onChange={(event) => setKind(ReportKindSchema.parse(event.target.value))}>
        {REPORT_KINDS.map((k) => (
          <option key={k} value={k}>
            {REPORT_KIND_LABELS[k]}
          </option>
        ))}
      </select>
      <label className="field__label" htmlFor={`${id}-report-title`}>
        Title
      </label>
      <input
        id={`${id}-report-title`}
        className="field__input"
        required
        maxLength={TITLE_MAX}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
      />
      <label className="field__label" htmlFor={`${id}-body`}>
        Report
      </label>
      <textarea
        id={`${id}-body`}
        className="field__input field__input--text"
        required
        rows={6}
        maxLength={BODY_MAX}
        value={body}
        onChange={(event) => setBody(event.target.value)}
      />
      {error && (
        <p className="form-error" role="alert">
          {errorMessage(error.code)}
        </p>
      )}
      <div className="case-change__actions">
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
