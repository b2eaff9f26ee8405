/**
 * Exports the audit search's current filters as CSV, XLSX or PDF, with a reason (docs/audit.md,
 * "Exports"): start, follow the progress, cancel, and save the finished file with its manifest and
 * proofs; the checkpoint's tree size says which state of the log the rows are proven against.
 */
import { useId, useState, type FormEvent } from 'react';
import { AUDIT_EXPORT_FORMATS, AUDIT_PDF_MAX_ROWS, checkpointTreeSize, EXPORT_REASON_MIN, type AuditExportFilters, type AuditExportFormat, type AuditExportJob } from '../../../domain/audit/audit-export.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { Field } from '../../components/Field.tsx';
import { AUDIT_EXPORT_STATUS_WORDS, auditExportErrorMessage } from '../../words/audit-export-words.ts';
import { AuditExportProgress } from './AuditExportProgress.tsx';
import { saveAuditExport } from './save-audit-export.ts';
import { useAuditExportJob } from './use-audit-export-job.ts';
import styles from './AuditExport.module.css';

/** What the panel needs from the audit screen. */
export interface AuditExportProps {
  /** The search's filters as they stand; the export holds every event they match, not one page. */
  filters: AuditExportFilters;
  /** How often progress is read while the export runs (tests shorten it). */
  pollMs?: number;
}

const FORMAT_WORDS: Record<AuditExportFormat, string> = {
  csv: 'CSV', xlsx: 'Excel workbook (XLSX)', pdf: `PDF (at most ${AUDIT_PDF_MAX_ROWS.toLocaleString('en-GB')} events)`,
};

/** The reason's problem, or null when it will do. */
function reasonProblem(reason: string): string | null {
  const length = reason.trim().length;
  if (length === 0) {
    return 'Give the reason for this export; it is recorded in the audit trail.';
  }
  return length < EXPORT_REASON_MIN ? `Give a reason of at least ${EXPORT_REASON_MIN} characters.` : null;
}

/** The panel. */
export function AuditExport({ filters, pollMs }: AuditExportProps) {
  const api = useDesktopApi();
  const id = useId();
  const [format, setFormat] = useState<AuditExportFormat>('csv');
  const [reason, setReason] = useState('');
  const [shownProblem, setShownProblem] = useState<string | null>(null);
  const [started, setStarted] = useState<AuditExportJob | null>(null);
  const job = useAuditExportJob(started, pollMs);

  const start = useSubmit(() => api['auditExports.create']({ filters, format, reason: reason.trim() }), { onSuccess: setStarted });
  const cancel = useSubmit((exportId: string) => api['auditExports.cancel']({ exportId }), { onSuccess: setStarted });
  const save = useSubmit((exportId: string) => api['auditExports.content']({ exportId }), { onSuccess: saveAuditExport });
  const error = start.error ?? cancel.error ?? save.error;

  const onStart = (event: FormEvent) => {
    event.preventDefault();
    const problem = reasonProblem(reason);
    setShownProblem(problem);
    if (problem === null) {
      void start.submit();
    }
  };
  const running = job?.status === 'running';

  return (
    <section className={styles.panel} aria-labelledby={`${id}-title`} data-testid="audit-export">
      <h2 id={`${id}-title`}>Export these events</h2>
      <p>
        The export holds every event the current filters match, marked OFFICIAL-SENSITIVE. Your reason is recorded with it in the audit trail.
      </p>
      <form onSubmit={onStart} noValidate className={styles.panel}>
        <fieldset className={styles.formats} disabled={running}>
          <legend className="field__label">Format</legend>
          {AUDIT_EXPORT_FORMATS.map((f) => (
            <label key={f}>
              <input type="radio" name={`${id}-format`} value={f} checked={format === f} onChange={() => setFormat(f)} /> {FORMAT_WORDS[f]}
            </label>
          ))}
        </fieldset>
        <Field label="Reason for the export" error={shownProblem ?? undefined}>
          <textarea className={`field__input ${styles.reason}`} value={reason} disabled={running} required
            onChange={(e) => setReason(e.target.value)} />
        </Field>
        <div>
          <button type="submit" className="button button--primary" disabled={running || start.busy}>
            {start.busy ? 'Starting…' : 'Start export'}
          </button>
        </div>
      </form>
      {error && <p className="form-error" role="alert">{auditExportErrorMessage(error, error === start.error ? format : undefined)}</p>}
      {job && (
        <div aria-live="polite">
          <p>{AUDIT_EXPORT_STATUS_WORDS[job.status]}</p>
          {running && <AuditExportProgress job={job} cancelling={cancel.busy} onCancel={() => void cancel.submit(job.id)} />}
          {job.status === 'complete' && job.manifest && (
            <>
              <dl className={styles.facts}>
                <dt>Events</dt>
                <dd data-testid="export-row-count">{job.manifest.rowCount.toLocaleString('en-GB')}</dd>
                <dt>SHA-256</dt>
                <dd data-testid="export-sha256">{job.manifest.sha256}</dd>
                {checkpointTreeSize(job.manifest.checkpoint) !== undefined && (
                  <>
                    <dt>Proven against the audit log at</dt>
                    <dd data-testid="export-checkpoint-size">{`${checkpointTreeSize(job.manifest.checkpoint)!.toLocaleString('en-GB')} events (signed checkpoint)`}</dd>
                  </>
                )}
              </dl>
              <button type="button" className="button button--primary" disabled={save.busy} onClick={() => void save.submit(job.id)}>
                {save.busy ? 'Saving…' : `Save ${job.manifest.fileName}${job.manifest.proofs ? ', its manifest and its proofs' : ' and its manifest'}`}
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
