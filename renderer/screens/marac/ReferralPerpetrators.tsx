/**
 * The referral's perpetrators (one to five, the API's limit): each picked from this computer's copy,
 * which holds only people the referrer sees in full, with their relationship to the victim and address.
 */
import { useEffect, useRef } from 'react';
import { PersonPicker } from './PersonPicker.tsx';
import { MAX_PERPETRATORS, type ReferralDraft, type ReferralPerpetratorDraft } from './referral-draft.ts';
import styles from './ReferralForm.module.css';
import { ReferralTextField } from './ReferralTextField.tsx';

/** The draft, the persons already on the referral, and how to change the draft. */
export interface ReferralPerpetratorsProps {
  draft: ReferralDraft;
  taken: readonly string[];
  onChange: (update: (draft: ReferralDraft) => ReferralDraft) => void;
}

/** A row per perpetrator with "Remove", then a picker to add another while fewer than five. */
export function ReferralPerpetrators({ draft, taken, onChange }: ReferralPerpetratorsProps) {
  const picker = useRef<HTMLInputElement>(null);
  const rows = draft.perpetrators;
  const change = (i: number, key: 'relationshipToVictim' | 'address') => (v: string) =>
    onChange((d) => ({ ...d, perpetrators: d.perpetrators.map((p, j) => (j === i ? { ...p, [key]: v } : p)) }));
  const count = useRef(rows.length);
  useEffect(() => {
    // A row and its Remove button are gone: the search for a perpetrator keeps the keyboard user's place.
    if (rows.length < count.current) {
      picker.current?.focus();
    }
    count.current = rows.length;
  }, [rows.length]);
  const remove = (personId: string) => onChange((d) => ({ ...d, perpetrators: d.perpetrators.filter((p) => p.id !== personId) }));
  const add = (person: { id: string; name: string }) => {
    const row: ReferralPerpetratorDraft = { ...person, relationshipToVictim: '', address: '' };
    onChange((d) => ({ ...d, perpetrators: [...d.perpetrators, row] }));
  };
  return (
    <fieldset className={styles.section}>
      <legend className={styles.legend}>Perpetrators (never told of the referral)</legend>
      <div className={styles.grid}>
        {rows.map((p, i) => (
          <div key={p.id} className={styles.grid} data-testid="referral-perpetrator">
            <p className={styles.row}>
              <strong data-testid="picked-perpetrator">{p.name}</strong>
              <button type="button" className="button" onClick={() => remove(p.id)}>Remove {p.name}</button>
            </p>
            <ReferralTextField label={`${p.name}: relationship to the victim`} value={p.relationshipToVictim} onChange={change(i, 'relationshipToVictim')} />
            <ReferralTextField label={`${p.name}: address (optional)`} value={p.address} onChange={change(i, 'address')} />
          </div>
        ))}
        {rows.length < MAX_PERPETRATORS
          ? <PersonPicker label={rows.length === 0 ? 'Find the perpetrator' : 'Add another perpetrator'} excludeIds={taken} onPick={add} inputRef={picker} />
          : <p className={styles.muted}>A referral names at most {MAX_PERPETRATORS} perpetrators.</p>}
      </div>
    </fieldset>
  );
}
