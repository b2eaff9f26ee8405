/** Finds the person a request is about on the server (data officers have no offline copy of people) and picks one. */
import { useId, useState } from 'react';
import type { SarPersonHit } from '../../../domain/http/sar-routes.ts';
import { useDesktopMutation } from '../../api/desktop-query.ts';
import { MutationError } from './MutationError.tsx';
import styles from './Sars.module.css';

/** What to do with the chosen person. */
export interface SarPersonPickerProps {
  onPick: (person: SarPersonHit) => void;
}

/** A search box and the people found as buttons. */
export function SarPersonPicker({ onPick }: SarPersonPickerProps) {
  const id = useId();
  const [text, setText] = useState('');
  const find = useDesktopMutation('sars.findPerson');
  const search = () => {
    if (text.trim().length >= 2) {
      find.mutate({ text: text.trim() });
    }
  };
  return (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-q`}>Find the person (name, at least 2 letters)</label>
      <div className={styles.filters}>
        <input id={`${id}-q`} className="field__input" type="search" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); search(); } }} />
        <button type="button" className="button" onClick={search}>Search</button>
      </div>
      <MutationError error={find.error} />
      {find.data && (find.data.persons.length === 0
        ? <p className={styles.intro} role="status">Nobody found.</p>
        : (
          <ul className={styles.hits} aria-label="People found">
            {find.data.persons.map((p) => (
              <li key={p.id}>
                <button type="button" className="button" onClick={() => { onPick(p); find.reset(); setText(''); }}>
                  Choose {p.name}{p.yearOfBirth === null ? '' : ` (born ${p.yearOfBirth})`}
                </button>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}
