/**
 * The redaction choices on a part: other people's names (redacted unless disclosed with a reason),
 * why the records chosen are left out, and passages to replace by "[redacted]" wherever they occur.
 */
import { useId } from 'react';
import type { SarPart } from '../../../domain/entities/sar.ts';
import type { RedactionChoices } from './sar-redaction-choices.ts';
import styles from './Sars.module.css';

/** The part's third parties, the choices so far, and how to change them. */
export interface RedactionFieldsProps {
  thirdParties: SarPart['thirdParties'];
  choices: RedactionChoices;
  onChange: (next: RedactionChoices) => void;
}

/** The fields, for a form the caller submits. */
export function RedactionFields({ thirdParties, choices, onChange }: RedactionFieldsProps) {
  const id = useId();
  const set = (patch: Partial<RedactionChoices>) => onChange({ ...choices, ...patch });
  const setPassage = (index: number, patch: Partial<{ text: string; reason: string }>) =>
    set({ passages: choices.passages.map((p, i) => (i === index ? { ...p, ...patch } : p)) });
  return (
    <>
      {thirdParties.length === 0
        ? <p className={styles.intro}>No other people are named on these records.</p>
        : (
          <fieldset>
            <legend>Other people on these records: their names are redacted unless you disclose them</legend>
            {thirdParties.map((t) => (
              <div key={t.personId} className="field">
                <label><input type="checkbox" checked={t.personId in choices.disclosed}
                  onChange={(e) => {
                    const { [t.personId]: _dropped, ...rest } = choices.disclosed;
                    set({ disclosed: e.target.checked ? { ...rest, [t.personId]: '' } : rest });
                  }} /> Disclose {t.name}</label>
                {t.personId in choices.disclosed && (
                  <>
                    <label className="field__label" htmlFor={`${id}-${t.personId}`}>Why {t.name} may be named (at least 10 characters)</label>
                    <input id={`${id}-${t.personId}`} className="field__input" required minLength={10} value={choices.disclosed[t.personId]}
                      onChange={(e) => set({ disclosed: { ...choices.disclosed, [t.personId]: e.target.value } })} />
                  </>
                )}
              </div>
            ))}
          </fieldset>
        )}
      {choices.omitted.size > 0 && (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-omit`}>Why the records you chose are left out (at least 10 characters)</label>
          <input id={`${id}-omit`} className="field__input" required minLength={10} value={choices.omitReason} onChange={(e) => set({ omitReason: e.target.value })} />
        </div>
      )}
      <fieldset>
        <legend>Passages to redact: each is replaced by “[redacted]” wherever it occurs in the part</legend>
        {choices.passages.length === 0 && <p className={styles.intro}>No passages chosen.</p>}
        {choices.passages.map((p, i) => (
          <div key={i} className="field" data-testid="redact-passage">
            <label className="field__label" htmlFor={`${id}-text-${i}`}>{`Passage ${i + 1}, exactly as written`}</label>
            <input id={`${id}-text-${i}`} className="field__input" required minLength={2} maxLength={2000} value={p.text} onChange={(e) => setPassage(i, { text: e.target.value })} />
            <label className="field__label" htmlFor={`${id}-why-${i}`}>{`Why passage ${i + 1} is redacted (at least 10 characters)`}</label>
            <input id={`${id}-why-${i}`} className="field__input" required minLength={10} maxLength={1000} value={p.reason} onChange={(e) => setPassage(i, { reason: e.target.value })} />
            <div className="form-actions">
              <button type="button" className="button" onClick={() => set({ passages: choices.passages.filter((_, j) => j !== i) })}>{`Remove passage ${i + 1}`}</button>
            </div>
          </div>
        ))}
        <div className="form-actions">
          <button type="button" className="button" onClick={() => set({ passages: [...choices.passages, { text: '', reason: '' }] })}>Add a passage to redact</button>
        </div>
      </fieldset>
    </>
  );
}
