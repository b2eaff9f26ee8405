/**
 * Erasing one case: a warning, the case's reference typed again as confirmation, and the reason.
 * The server checks again (decision, due date, legal hold) and answers the tombstone.
 */
import { useState, type FormEvent } from 'react';
import type { ErasureTombstone, RetentionReviewItem } from '../../../domain/entities/retention.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { Field } from '../../components/Field.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { refusalMessage } from '../../words/error-messages.ts';
import { ERASE_WARNING, RETENTION_OWN_WORDS } from '../../words/retention-words.ts';
import styles from './Retention.module.css';
import { FormFooter } from '../../components/FormFooter.tsx';

/** The case to erase, what to do with the tombstone, and how to close. */
export interface EraseDialogProps {
  item: RetentionReviewItem;
  onErased: (tombstone: ErasureTombstone) => void;
  onClose: () => void;
}

/** An alert dialog: nothing is erased until the reference is typed and the button pressed. */
export function EraseDialog({ item, onErased, onClose }: EraseDialogProps) {
  const api = useDesktopApi();
  const [typed, setTyped] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{ typed?: string; reason?: string }>({});
  const erase = useSubmit(() => api['retention.erase']({ caseId: item.caseId, confirmReference: typed.trim(), reason: reason.trim() }), { onSuccess: onErased });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof problems = {};
    if (typed.trim() !== item.reference) {
      next.typed = `Type ${item.reference} exactly to confirm.`;
    }
    if (reason.trim().length < 10) {
      next.reason = 'Give a reason of at least 10 characters.';
    }
    setProblems(next);
    if (Object.keys(next).length === 0) {
      void erase.submit();
    }
  };
  return (
    <ModalDialog title={`Erase ${item.reference}`} onClose={onClose} dismissable={!erase.busy} role="alertdialog">
      <form className={styles.form} noValidate onSubmit={onSubmit}>
        <p className={styles.warning}>{ERASE_WARNING}</p>
        <Field label={`Type the case reference (${item.reference}) to confirm`} error={problems.typed}>
          <input className="field__input" autoComplete="off" value={typed} onChange={(event) => setTyped(event.target.value)} />
        </Field>
        <Field label="Reason" error={problems.reason}>
          <textarea className="field__input field__input--text" rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
        </Field>
        <FormFooter
          refusal={refusalMessage(erase.error, RETENTION_OWN_WORDS)}
          busy={erase.busy} submitLabel="Erase permanently" onCancel={onClose}
        />
      </form>
    </ModalDialog>
  );
}
