/** The referral's perpetrators and children, picked from the offline copy with their relationships. */
import { PersonPicker } from './PersonPicker.tsx';
import { ReferralPerpetrators } from './ReferralPerpetrators.tsx';
import type { ReferralDraft } from './referral-draft.ts';
import styles from './ReferralForm.module.css';
import { ReferralTextField } from './ReferralTextField.tsx';

/** The draft and how to change it. */
export interface ReferralPeopleProps {
  draft: ReferralDraft;
  victimId: string;
  onChange: (update: (draft: ReferralDraft) => ReferralDraft) => void;
}

/** Perpetrators first (up to five), then any children. */
export function ReferralPeople({ draft, victimId, onChange }: ReferralPeopleProps) {
  const taken = [victimId, ...draft.perpetrators.map((p) => p.id), ...draft.children.map((c) => c.id)];
  return (
    <>
      <ReferralPerpetrators draft={draft} taken={taken} onChange={onChange} />
      <fieldset className={styles.section}>
        <legend className={styles.legend}>Children in the household</legend>
        <div className={styles.grid}>
          {draft.children.map((c, i) => {
            const change = (key: 'relationshipToVictim' | 'relationshipToPerpetrator' | 'school') => (v: string) =>
              onChange((d) => ({ ...d, children: d.children.map((x, j) => (j === i ? { ...x, [key]: v } : x)) }));
            return (
              <div key={c.id} className={styles.grid}>
                <p className={styles.row}>
                  <strong>{c.name}</strong>
                  <button type="button" className="button" onClick={() => onChange((d) => ({ ...d, children: d.children.filter((x) => x.id !== c.id) }))}>Remove {c.name}</button>
                </p>
                <ReferralTextField label={`${c.name}: relationship to the victim`} value={c.relationshipToVictim} onChange={change('relationshipToVictim')} />
                <ReferralTextField label={`${c.name}: relationship to the perpetrator`} value={c.relationshipToPerpetrator} onChange={change('relationshipToPerpetrator')} />
                <ReferralTextField label={`${c.name}: school (optional)`} value={c.school} onChange={change('school')} />
              </div>
            );
          })}
          <PersonPicker label="Add a child" excludeIds={taken}
            onPick={(p) => onChange((d) => ({ ...d, children: [...d.children, { ...p, relationshipToVictim: '', relationshipToPerpetrator: '', school: '' }] }))} />
        </div>
      </fieldset>
    </>
  );
}
