/**
 * Reviewing one case: keep it until a later date, decide to erase it, or place a legal hold — each
 * with a reason the audit trail records. Active holds can be released here too.
 */
import { useState, type FormEvent } from 'react';
import type { RetentionReviewItem } from '../../../domain/entities/retention.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { DateField } from '../../components/DateField.tsx';
import { Field } from '../../components/Field.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { refusalMessage } from '../../words/error-messages.ts';
import { formatDate } from '../../words/format-date-time.ts';
import { useCaseTypeLabel } from '../../api/use-case-types.ts';
import { RETENTION_ACTION_LABELS, RETENTION_OWN_WORDS } from '../../words/retention-words.ts';
import styles from './Retention.module.css';
import { FormFooter } from '../../components/FormFooter.tsx';

type Action = keyof typeof RETENTION_ACTION_LABELS;

/** The case under review and how to close the dialog. */
export interface ReviewDialogProps {
  item: RetentionReviewItem;
  onClose: () => void;
}

/** The choice, its date when keeping, the reason; the server's refusal is said in the dialog. */
export function ReviewDialog({ item, onClose }: ReviewDialogProps) {
  const api = useDesktopApi();
  const caseTypeLabel = useCaseTypeLabel();
  const [action, setAction] = useState<Action>('keep');
  const [keepUntil, setKeepUntil] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{ keepUntil?: string; reason?: string }>({});
  const save = useSubmit<unknown>(async () => {
    const why = reason.trim();
    if (action === 'hold') {
      return api['retention.placeHold']({ caseId: item.caseId, reason: why });
    }
    return api['retention.decide']({
      caseId: item.caseId, decision: action === 'keep' ? { decision: 'keep', keepUntil: keepUntil ?? '', reason: why } : { decision: 'erase', reason: why },
    });
  }, { onSuccess: onClose });
  const release = useSubmit((holdId: string) => api['retention.releaseHold']({ holdId }), { onSuccess: onClose });
  const busy = save.busy || release.busy;
  const error = save.error ?? release.error;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof problems = {};
    if (action === 'keep' && keepUntil === null) {
      next.keepUntil = 'Enter the date to keep the case until.';
    }
    if (reason.trim().length < 10) {
      next.reason = 'Give a reason of at least 10 characters.';
    }
    setProblems(next);
    if (Object.keys(next).length === 0) {
      void save.submit();
    }
  };

  return (
    <ModalDialog title={`Review ${item.reference}`} onClose={onClose} dismissable={!busy}>
      <form className={styles.form} noValidate onSubmit={onSubmit}>
        <p className={styles.intro}>{`Closed ${formatDate(item.closedAt)}; due for review ${formatDate(item.dueOn)} (${caseTypeLabel(item.caseType)}, kept ${item.reviewAfterYears} years).`}</p>
        {item.holds.map((hold) => (
          <div key={hold.id} className={styles.actions}>
            <p>{`Legal hold since ${formatDate(hold.placedAt)}: ${hold.reason}`}</p>
            <button type="button" className="button" disabled={busy} onClick={() => void release.submit(hold.id)}>
              Release this hold
            </button>
          </div>
        ))}
        <fieldset className={styles.choices}>
          <legend className="field__label">Decision</legend>
          {(Object.keys(RETENTION_ACTION_LABELS) as Action[]).map((choice) => (
            <label key={choice} className={styles.choice}>
              <input type="radio" name="retention-action" value={choice} checked={action === choice} onChange={() => setAction(choice)} />
              {RETENTION_ACTION_LABELS[choice]}
            </label>
          ))}
        </fieldset>
        {action === 'keep' && <DateField label="Keep until" value={keepUntil} onChange={setKeepUntil} error={problems.keepUntil} />}
        <Field label="Reason" error={problems.reason}>
          <textarea className="field__input field__input--text" rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
        </Field>
        <FormFooter
          refusal={refusalMessage(error, RETENTION_OWN_WORDS)}
          busy={busy} submitLabel="Record decision" onCancel={onClose}
        />
      </form>
    </ModalDialog>
  );
}
