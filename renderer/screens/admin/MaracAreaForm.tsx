/** The fields of a MARAC area (name, coordinating agency, escalation rule), for adding one or changing one. */
import { useId, useState, type FormEvent, type Ref } from 'react';
import { ESCALATION_LIMITS, type MaracAreaBody } from '../../../domain/http/marac-area-admin-routes.ts';
import styles from './Admin.module.css';

/** What the form starts from, the agencies it offers, and what saving does. */
export interface MaracAreaFormProps {
  /** The form's accessible name ("Add a MARAC area", "Change Riverton MARAC"). */
  label: string;
  submitLabel: string;
  initial: MaracAreaBody;
  agencies: ReadonlyArray<{ id: string; name: string }>;
  busy: boolean;
  onSave: (body: MaracAreaBody) => void;
  onCancel?: (() => void) | undefined;
  /** The name field, for a parent that moves focus to the form. */
  firstFieldRef?: Ref<HTMLInputElement> | undefined;
}

/** One line of fields; numbers stay text until saved, so the server's bounds are the ones that count. */
export function MaracAreaForm({ label, submitLabel, initial, agencies, busy, onSave, onCancel, firstFieldRef }: MaracAreaFormProps) {
  const id = useId();
  const [name, setName] = useState(initial.name);
  const [agencyId, setAgencyId] = useState(initial.coordinatorAgencyId);
  const [incidents, setIncidents] = useState(String(initial.escalationIncidents));
  const [months, setMonths] = useState(String(initial.escalationMonths));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave({ name, coordinatorAgencyId: agencyId, escalationIncidents: Number(incidents), escalationMonths: Number(months) });
  };
  const { incidents: n, months: m } = ESCALATION_LIMITS;
  return (
    <form className={styles.form} onSubmit={submit} aria-label={label}>
      <div className={styles.field}>
        <label className="field__label" htmlFor={`${id}-name`}>Area name</label>
        <input ref={firstFieldRef} id={`${id}-name`} className="field__input" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className={styles.field}>
        <label className="field__label" htmlFor={`${id}-agency`}>Coordinating agency</label>
        <select id={`${id}-agency`} className="field__input" required value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
          {agencyId === '' && <option value="">Choose an agency</option>}
          {agencies.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
      </div>
      <div className={styles.field}>
        <label className="field__label" htmlFor={`${id}-incidents`}>Escalation: incidents</label>
        <input id={`${id}-incidents`} className="field__input" type="number" required min={n.min} max={n.max} value={incidents}
          aria-describedby={`${id}-rule`} onChange={(e) => setIncidents(e.target.value)} />
      </div>
      <div className={styles.field}>
        <label className="field__label" htmlFor={`${id}-months`}>Escalation: within months</label>
        <input id={`${id}-months`} className="field__input" type="number" required min={m.min} max={m.max} value={months}
          aria-describedby={`${id}-rule`} onChange={(e) => setMonths(e.target.value)} />
      </div>
      <p id={`${id}-rule`} className={`${styles.muted} ${styles.wide}`}>
        Potential escalation is met by at least this many incidents within this many months up to the referral date ({n.min} to {n.max} incidents,
        {' '}{m.min} to {m.max} months).
      </p>
      <div className={styles.rowActions}>
        <button type="submit" className="button button--primary" disabled={busy}>{submitLabel}</button>
        {onCancel && <button type="button" className="button" onClick={onCancel}>Cancel</button>}
      </div>
    </form>
  );
}
