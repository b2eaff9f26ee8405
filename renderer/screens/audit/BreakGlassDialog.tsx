/**
 * Break-glass: a data officer opens a case their agency owns, read-only, after saying why. The server
 * records the view with the justification before answering; nothing of it is kept on this computer,
 * and it is gone when the dialog closes.
 */
import { useState } from 'react';
import type { CaseDetail } from '../../../domain/entities/case.ts';
import { BreakGlassBodySchema } from '../../../domain/http/audit-routes.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSchemaForm } from '../../api/use-schema-form.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { Field } from '../../components/Field.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { CASE_STATUS_LABELS, RISK_LEVEL_LABELS, SUBJECT_ROLE_LABELS } from '../../words/display-labels.ts';
import { refusalMessage } from '../../words/error-messages.ts';
import styles from './Audit.module.css';
import { FormFooter } from '../../components/FormFooter.tsx';

/** The case to open, and how to close the dialog. */
export interface BreakGlassDialogProps {
  caseId: string;
  onClose: () => void;
}

/** First the justification; then the case, read-only, in the same dialog. */
export function BreakGlassDialog({ caseId, onClose }: BreakGlassDialogProps) {
  const api = useDesktopApi();
  const form = useSchemaForm(BreakGlassBodySchema, { justification: '' });
  const { errors } = form.formState;
  const [opened, setOpened] = useState<CaseDetail | null>(null);
  const { busy, error, submit } = useSubmit(
    ({ justification }: { justification: string }) => api['audit.breakGlassCase']({ caseId, justification }),
    { onSuccess: setOpened },
  );
  if (opened) {
    return (
      <ModalDialog title={`Break-glass view: ${opened.reference}`} onClose={onClose}>
        <div className={styles.breakGlass} data-testid="break-glass-case">
          <p className={styles.note}>Read-only. This view was recorded in the audit trail with your justification.</p>
          <dl className={styles.facts}>
            {[
              ['Title', opened.title],
              ['Status', CASE_STATUS_LABELS[opened.status]],
              ['Risk', RISK_LEVEL_LABELS[opened.riskLevel]],
              ['People', opened.subjects.map((s) => `${s.displayName ?? 'A person'} (${SUBJECT_ROLE_LABELS[s.role]})`).join(', ') || 'None'],
              ['Places', opened.locations.map((l) => `${l.addressLine}, ${l.town} ${l.postcode}`).join('; ') || 'None'],
              ['Markers', opened.markers.map((m) => m.description).join('; ') || 'None'],
            ].map(([term, value]) => (
              <div key={term} className={styles.fact}>
                <dt>{term}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <div className={styles.dialogActions}>
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          </div>
        </div>
      </ModalDialog>
    );
  }
  return (
    <ModalDialog title="Open this case (break-glass)" onClose={onClose} dismissable={!busy}>
      <form className={styles.breakGlass} noValidate onSubmit={(event) => void form.handleSubmit((fields) => submit(fields))(event)}>
        <p className={styles.note}>
          Data officers do not read case content. Opening it is recorded in the audit trail with your justification, which your agency can see.
        </p>
        <Field label="Why do you need to open this case?" error={errors.justification?.message}>
          <textarea className="field__input field__input--text" rows={4} {...form.register('justification')} />
        </Field>
        <FormFooter
          refusal={refusalMessage(error, ['network_error', 'not_found'])}
          busy={busy} submitLabel="Open read-only" onCancel={onClose}
        />
      </form>
    </ModalDialog>
  );
}
