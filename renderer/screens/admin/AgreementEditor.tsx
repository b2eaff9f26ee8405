/** One agency's row of the sharing agreement matrix, edited: every agency, or only the partners ticked. */
import { useId, useState, type FormEvent } from 'react';
import type { AdminAgency } from '../../../domain/http/agency-admin-routes.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopMutation } from '../../api/desktop-query.ts';
import { AdminAlert } from './AdminAlert.tsx';
import { partnersInWords } from './agreement-words.ts';
import styles from './Admin.module.css';

/** The agency being edited, every agency, and what to do once saved. */
export interface AgreementEditorProps {
  agency: AdminAgency;
  all: readonly AdminAgency[];
  onSaved: (saved: AdminAgency) => void;
}

/** Starts from the server's answer; a save replaces the agency's rule and partners whole. */
export function AgreementEditor({ agency, all, onSaved }: AgreementEditorProps) {
  const id = useId();
  const save = useDesktopMutation('admin.agencies.setAgreements');
  const [restricted, setRestricted] = useState(agency.sharingRestricted);
  const [partners, setPartners] = useState<ReadonlySet<string>>(new Set(agency.partnerAgencyIds));
  const [saved, setSaved] = useState<string | null>(null);
  const others = all.filter((a) => a.id !== agency.id);
  const toggle = (partnerId: string, on: boolean) => {
    const next = new Set(partners);
    if (on) {
      next.add(partnerId);
    } else {
      next.delete(partnerId);
    }
    setPartners(next);
    setSaved(null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ agencyId: agency.id, sharingRestricted: restricted, partnerAgencyIds: [...partners] }, {
      onSuccess: (result) => {
        setSaved(`Saved. ${result.name} may share with: ${partnersInWords(result, all)}.`);
        onSaved(result);
      },
    });
  };
  const failure = errorBodyOf(save.error);
  return (
    <form className={styles.form} onSubmit={submit} aria-label={`Sharing agreements of ${agency.name}`}>
      <fieldset className={styles.choices}>
        <legend className="field__label">{agency.name} may share its records with</legend>
        <label><input type="radio" name={`${id}-rule`} checked={!restricted} onChange={() => { setRestricted(false); setSaved(null); }} /> Every agency</label>
        <label><input type="radio" name={`${id}-rule`} checked={restricted} onChange={() => { setRestricted(true); setSaved(null); }} /> Only agencies it has an agreement with</label>
      </fieldset>
      {restricted && (
        <fieldset className={styles.choices}>
          <legend className="field__label">Agreements</legend>
          {others.length === 0 && <p className={styles.muted}>There is no other agency yet.</p>}
          {others.map((p) => (
            <label key={p.id}>
              <input type="checkbox" checked={partners.has(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} /> {p.name}
            </label>
          ))}
        </fieldset>
      )}
      <p className={styles.wide}>Changes apply to the next sharing choice. Nothing already shared is withdrawn.</p>
      <div>
        <button type="submit" className="button button--primary" disabled={save.isPending}>Save agreements</button>
      </div>
      <div className={styles.wide} aria-live="polite">{saved && !failure && <p className={styles.notice} role="status">{saved}</p>}</div>
      {failure && <div className={styles.wide}><AdminAlert error={failure} /></div>}
    </form>
  );
}
