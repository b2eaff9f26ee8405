/** One case type on the administration screen: rename it, retire it or bring it back. */
import { useId, useState, type FormEvent } from 'react';
import { MARAC_CASE_TYPE, type AdminCaseType } from '../../../domain/entities/case-type.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopMutation } from '../../api/desktop-query.ts';
import { AdminAlert } from './AdminAlert.tsx';
import styles from './Admin.module.css';

/** The row's case type, and what to do once it changed. */
export interface CaseTypeRowProps {
  type: AdminCaseType;
  onChanged: (message: string) => void;
}

/** A row with its actions; renaming opens a name field in place. */
export function CaseTypeRow({ type, onChanged }: CaseTypeRowProps) {
  const id = useId();
  const update = useDesktopMutation('admin.caseTypes.update');
  const [renaming, setRenaming] = useState(false);
  const [label, setLabel] = useState(type.label);
  const failure = errorBodyOf(update.error);
  const change = (next: { label?: string; active?: boolean }, message: (label: string) => string) => {
    update.mutate({ code: type.code, change: next }, {
      onSuccess: (saved) => {
        setRenaming(false);
        onChanged(message(saved.label));
      },
    });
  };
  const rename = (event: FormEvent) => {
    event.preventDefault();
    change({ label }, (saved) => `${type.label} is now called ${saved}.`);
  };
  return (
    <tr>
      <th scope="row">
        {renaming ? (
          <form onSubmit={rename} aria-label={`Rename ${type.label}`} className={styles.rowActions}>
            <label className="visually-hidden" htmlFor={`${id}-label`}>{`New name for ${type.label}`}</label>
            <input id={`${id}-label`} className="field__input" required maxLength={80} value={label} onChange={(e) => setLabel(e.target.value)} />
            <button type="submit" className="button button--primary" disabled={update.isPending}>Save name</button>
            <button type="button" className="button" onClick={() => { setRenaming(false); setLabel(type.label); update.reset(); }}>Cancel</button>
          </form>
        ) : type.label}
        {failure && <AdminAlert error={failure} />}
      </th>
      <td>{type.code}</td>
      <td>{type.active ? 'In use' : 'Retired'}</td>
      <td>{type.caseCount}</td>
      <td>
        <div className={styles.rowActions}>
          {!renaming && (
            <button type="button" className="button" aria-label={`Rename ${type.label}`} onClick={() => setRenaming(true)}>Rename</button>
          )}
          {type.code === MARAC_CASE_TYPE ? (
            <span className={styles.muted}>MARAC referrals open this type, so it stays in use</span>
          ) : type.active ? (
            <button
              type="button" className="button" aria-label={`Retire ${type.label}`} disabled={update.isPending}
              onClick={() => change({ active: false }, (saved) => `${saved} is retired: it is no longer offered for new cases, and its cases keep it.`)}
            >
              Retire
            </button>
          ) : (
            <button
              type="button" className="button" aria-label={`Bring back ${type.label}`} disabled={update.isPending}
              onClick={() => change({ active: true }, (saved) => `${saved} is offered for new cases again.`)}
            >
              Bring back
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
