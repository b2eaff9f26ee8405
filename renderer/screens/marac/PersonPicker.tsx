/** Picks a person from this computer's offline copy by name (the person search), for a referral's perpetrator or child. */
import { useId, useState, type Ref } from 'react';
import type { PersonSearchResult } from '../../../domain/ipc/search-results.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import styles from './ReferralForm.module.css';

/** A chosen person: id and name. */
export interface PickedPerson {
  id: string;
  name: string;
}

/** What the picker is for, and what to do with the choice. */
export interface PersonPickerProps {
  label: string;
  onPick: (person: PickedPerson) => void;
  /** Persons already on the referral, not offered again. */
  excludeIds: readonly string[];
  /** The search field, for a parent that moves focus back to it. */
  inputRef?: Ref<HTMLInputElement> | undefined;
}

/** A search box and the matching persons as buttons. */
export function PersonPicker({ label, onPick, excludeIds, inputRef }: PersonPickerProps) {
  const id = useId();
  const api = useDesktopApi();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<PersonSearchResult['hits'] | null>(null);
  const search = async () => {
    if (text.trim() === '') {
      return;
    }
    const result = await api['persons.search']({ text: text.trim(), limit: 10 });
    setHits(result.ok ? result.value.hits.filter((h) => !excludeIds.includes(h.id)) : []);
  };
  return (
    <div className={styles.picker}>
      <label className="field__label" htmlFor={`${id}-q`}>{label}</label>
      <div className={styles.row}>
        <input ref={inputRef} id={`${id}-q`} className="field__input" type="search" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void search(); } }} />
        <button type="button" className="button" onClick={() => void search()}>Search</button>
      </div>
      {hits !== null && (hits.length === 0
        ? <p className={styles.muted} role="status">Nobody found in the offline copy.</p>
        : (
          <ul className={styles.hits} aria-label={`${label}: people found`}>
            {hits.map((h) => {
              const name = `${h.givenName} ${h.familyName}`;
              return (
                <li key={h.id}>
                  <button type="button" className="button" onClick={() => { onPick({ id: h.id, name }); setHits(null); setText(''); }}>
                    Choose {name}{h.dateOfBirth ? ` (born ${h.dateOfBirth.split('-').reverse().join('/')})` : ''}
                  </button>
                </li>
              );
            })}
          </ul>
        ))}
    </div>
  );
}
