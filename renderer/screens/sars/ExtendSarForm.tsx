/** Extending a request once, by one or two months, with a reason. */
import { useId, useState, type FormEvent } from 'react';
import type { SarDetail } from '../../../domain/http/sar-routes.ts';
import { useDesktopMutation } from '../../api/desktop-query.ts';
import { MutationError } from './MutationError.tsx';
import styles from './Sars.module.css';

/** The request and what to do with the extended one. */
export interface ExtendSarFormProps {
  sar: SarDetail;
  onExtended: (sar: SarDetail) => void;
}

/** Months and reason; the server works out the new date from the day received. */
export function ExtendSarForm({ sar, onExtended }: ExtendSarFormProps) {
  const id = useId();
  const [months, setMonths] = useState<1 | 2>(2);
  const [reason, setReason] = useState('');
  const extend = useDesktopMutation('sars.extend');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    extend.mutate({ sarId: sar.id, months, reason, expectedVersion: sar.version }, { onSuccess: onExtended });
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Extend the time to respond</h2>
      <p className={styles.intro}>Once only, by up to two further months, for a complex request or several from the same person. Tell the requester within the first month.</p>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-months`}>Extend by</label>
        <select id={`${id}-months`} className="field__input" value={months} onChange={(e) => setMonths(Number(e.target.value) === 1 ? 1 : 2)}>
          <option value={1}>One month</option>
          <option value={2}>Two months</option>
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-reason`}>Reason (at least 10 characters)</label>
        <textarea id={`${id}-reason`} className="field__input" required minLength={10} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <MutationError error={extend.error} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={extend.isPending}>Extend</button>
      </div>
    </form>
  );
}
