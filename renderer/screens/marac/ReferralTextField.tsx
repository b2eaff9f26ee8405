/** A labelled one-line text field of the referral form (a person's relationship, address or school). */
import { useId } from 'react';

export function ReferralTextField({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <>
      <label className="field__label" htmlFor={id}>{label}</label>
      <input id={id} className="field__input" value={value} onChange={(e) => onChange(e.target.value)} />
    </>
  );
}
